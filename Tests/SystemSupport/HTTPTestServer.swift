import Foundation

/// A small HTTP/1.1 server (a Python script) on 127.0.0.1 with an ephemeral port and on a unix socket,
/// for HTTP client tests. Endpoints:
/// - `/echo`: answers with the request body; `X-Method` carries the request method.
/// - `/bytes?n=N`: N bytes generated on the fly (`Content-Length` set, byte i is `i % 251`).
/// - `/slow?seconds=S`: answers `done` after S seconds.
/// - `/wait?key=K`: answers `released` once `/release?key=K` was requested.
/// - `/headers?status=C`: status C, body `name: value` lines of the request headers, `X-Test: yes`.
/// - `/upload`: reads the body (Content-Length or chunked) and answers with its byte count.
public final class HTTPTestServer: @unchecked Sendable {
    public let port: Int
    public let unixSocketPath: String
    private let process: ManagedProcess
    private let directory: TemporaryDirectory

    public var baseURL: String { "http://127.0.0.1:\(port)" }

    public init() throws {
        directory = try TemporaryDirectory(prefix: "http-server")
        let script = directory.file("server.py")
        try Self.script.write(toFile: script, atomically: true, encoding: .utf8)
        let portFile = directory.file("port")
        let socketPath = directory.file("http.sock")
        unixSocketPath = socketPath
        process = try ManagedProcess(
            ManagedProcess.which("python3") ?? "/usr/bin/python3", [script, portFile, unixSocketPath],
            outputPath: directory.file("server.log"))
        let ready = ManagedProcess.waitUntil {
            FileManager.default.fileExists(atPath: socketPath)
                && ((try? String(contentsOfFile: portFile, encoding: .utf8)).flatMap { Int($0) } ?? 0) > 0
        }
        guard ready, let port = Int((try? String(contentsOfFile: portFile, encoding: .utf8)) ?? "") else {
            process.stop()
            throw ServerError(message: "HTTP test server did not start: \(process.output)")
        }
        self.port = port
    }

    /// Stops the server by its PID.
    public func stop() { process.stop() }

    deinit { stop() }

    public struct ServerError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    private static let script = #"""
import os, signal, socketserver, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlparse, parse_qs

PATTERN = bytes(i % 251 for i in range(251 * 4096))
events = {}
events_lock = threading.Lock()

def event(key):
    with events_lock:
        return events.setdefault(key, threading.Event())

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def address_string(self):
        return "test"

    def body_chunks(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            while True:
                size = int(self.rfile.readline().split(b";")[0], 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return
                left = size
                while left:
                    data = self.rfile.read(min(left, 1 << 20))
                    if not data:
                        raise ConnectionError("short chunk")
                    left -= len(data)
                    yield data
                self.rfile.readline()
        else:
            left = int(self.headers.get("Content-Length") or 0)
            while left:
                data = self.rfile.read(min(left, 1 << 20))
                if not data:
                    raise ConnectionError("short body")
                left -= len(data)
                yield data

    def reply(self, status, body, headers=()):
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def handle_any(self):
        url = urlparse(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if url.path == "/echo":
            body = b"".join(self.body_chunks())
            self.reply(200, body, [("X-Method", self.command)])
        elif url.path == "/bytes":
            n = int(query["n"])
            for _ in self.body_chunks():
                pass
            self.send_response(200)
            self.send_header("Content-Length", str(n))
            self.end_headers()
            view = memoryview(PATTERN)
            sent = 0
            while sent < n:
                piece = min(n - sent, len(PATTERN) - (sent % 251) - 250)
                start = sent % 251
                self.wfile.write(view[start:start + piece])
                sent += piece
        elif url.path == "/slow":
            deadline = time.monotonic() + float(query.get("seconds", "30"))
            while time.monotonic() < deadline:
                time.sleep(0.05)
            self.reply(200, b"done")
        elif url.path == "/wait":
            event(query["key"]).wait()
            self.reply(200, b"released")
        elif url.path == "/release":
            event(query["key"]).set()
            self.reply(200, b"ok")
        elif url.path == "/headers":
            text = "".join(f"{k}: {v}\n" for k, v in self.headers.items()).encode()
            self.reply(int(query.get("status", "200")), text, [("X-Test", "yes")])
        elif url.path == "/upload":
            count = sum(len(chunk) for chunk in self.body_chunks())
            self.reply(200, str(count).encode())
        else:
            self.reply(404, b"not found")

    do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = handle_any

class UnixServer(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    daemon_threads = True

    def get_request(self):
        request, _ = super().get_request()
        return request, ("unix", 0)

# The test process may start us with signals blocked, and may die without stopping us.
signal.pthread_sigmask(signal.SIG_SETMASK, [])
signal.signal(signal.SIGTERM, signal.SIG_DFL)
parent = os.getppid()

def exit_with_parent():
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(0)

threading.Thread(target=exit_with_parent, daemon=True).start()
tcp = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
tcp.daemon_threads = True
unix = UnixServer(sys.argv[2], Handler)
threading.Thread(target=unix.serve_forever, daemon=True).start()
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(tcp.server_address[1]))
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
tcp.serve_forever()
"""#
}
