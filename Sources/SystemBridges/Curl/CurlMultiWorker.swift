import CCurl
import Foundation
import Synchronization

/// One thread driving every transfer of a client through a curl multi handle. Other threads only
/// queue commands and wake it (`curl_multi_wakeup` is the one thread-safe multi call).
final class CurlMultiWorker: @unchecked Sendable {
    private enum Command {
        case start(CurlTransfer)
        case resume(CurlTransfer)
        case cancel(CurlTransfer)
        case countActive(CheckedContinuation<Int, Never>)
    }

    private struct Inbox {
        var commands: [Command] = []
        var stopping = false
    }

    private let multi: UnsafeMutableRawPointer
    private let inbox = Mutex(Inbox())
    /// Transfers whose easy handle is in `multi`, by handle. Worker thread only.
    private var active: [UnsafeMutableRawPointer: CurlTransfer] = [:]

    init() throws(HTTPClientError) {
        guard curlGlobalInit == CURLE_OK, let multi = curl_multi_init() else {
            throw HTTPClientError(.transfer, "libcurl initialisation failed")
        }
        self.multi = multi
        let thread = Thread { [self] in run() }
        thread.name = "curl-multi"
        thread.start()
    }

    /// Queues a configured transfer; `false` once the worker is stopping.
    func start(_ transfer: CurlTransfer) -> Bool { submit(.start(transfer)) }

    /// Asks curl to continue a paused direction of `transfer`.
    func resume(_ transfer: CurlTransfer) { _ = submit(.resume(transfer)) }

    /// Aborts `transfer` now.
    func cancel(_ transfer: CurlTransfer) { _ = submit(.cancel(transfer)) }

    /// Ends every transfer with `.shutdown` and lets the thread exit.
    func stop() {
        inbox.withLock { $0.stopping = true }
        curl_multi_wakeup(multi)
    }

    /// How many transfers curl is driving (counted on the worker thread, the owner of that list).
    var activeTransferCount: Int {
        get async {
            await withCheckedContinuation { continuation in
                if !submit(.countActive(continuation)) { continuation.resume(returning: 0) }
            }
        }
    }

    private func submit(_ command: Command) -> Bool {
        let accepted = inbox.withLock { inbox -> Bool in
            guard !inbox.stopping else { return false }
            inbox.commands.append(command)
            return true
        }
        if accepted { curl_multi_wakeup(multi) }
        return accepted
    }

    private func run() {
        while true {
            let (commands, stopping) = inbox.withLock { inbox in
                defer { inbox.commands = [] }
                return (inbox.commands, inbox.stopping)
            }
            for command in commands { handle(command) }
            if stopping { break }
            var running: Int32 = 0
            curl_multi_perform(multi, &running)
            collectFinished()
            curl_multi_poll(multi, nil, 0, 1000, nil)
        }
        for (easy, transfer) in active { finish(transfer, easy: easy, failure: .shutdown) }
        let leftover = inbox.withLock { inbox in
            defer { inbox.commands = [] }
            return inbox.commands
        }
        for command in leftover {
            switch command {
            case .start(let transfer): transfer.complete(failure: .shutdown, status: 0)
            case .countActive(let continuation): continuation.resume(returning: 0)
            case .resume, .cancel: break
            }
        }
        curl_multi_cleanup(multi)
    }

    private func handle(_ command: Command) {
        switch command {
        case .start(let transfer):
            guard let easy = transfer.handle?.easy else { return }
            if transfer.isCancelled {
                transfer.handle = nil
                transfer.complete(failure: .cancelled, status: 0)
            } else if curl_multi_add_handle(multi, easy) != CURLM_OK {
                transfer.handle = nil
                transfer.complete(failure: HTTPClientError(.transfer, "curl_multi_add_handle failed"), status: 0)
            } else {
                active[easy] = transfer
            }
        case .resume(let transfer):
            guard let easy = transfer.handle?.easy, active[easy] != nil else { return }
            curl_easy_pause(easy, transfer.pauseMask)
        case .cancel(let transfer):
            guard let easy = transfer.handle?.easy, active[easy] != nil else { return }
            finish(transfer, easy: easy, failure: .cancelled)
        case .countActive(let continuation):
            continuation.resume(returning: active.count)
        }
    }

    private func collectFinished() {
        var queued: Int32 = 0
        while let message = curl_multi_info_read(multi, &queued) {
            guard message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle,
                  let transfer = active[easy] else { continue }
            let code = message.pointee.data.result
            finish(transfer, easy: easy, failure: code == CURLE_OK ? nil : error(for: code, transfer: transfer))
        }
    }

    private func finish(_ transfer: CurlTransfer, easy: UnsafeMutableRawPointer, failure: HTTPClientError?) {
        curl_multi_remove_handle(multi, easy)
        active[easy] = nil
        let status = transfer.handle?.responseCode ?? 0
        transfer.handle = nil
        transfer.complete(failure: failure, status: status)
    }

    private func error(for code: CURLcode, transfer: CurlTransfer) -> HTTPClientError {
        let message = transfer.handle?.errorMessage(code) ?? "curl error \(code.rawValue)"
        switch code {
        case CURLE_OPERATION_TIMEDOUT:
            return HTTPClientError(.timeout, message)
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            return HTTPClientError(.connectFailed, message)
        case CURLE_URL_MALFORMAT, CURLE_UNSUPPORTED_PROTOCOL:
            return HTTPClientError(.invalidRequest, message)
        default:
            return HTTPClientError(.transfer, message)
        }
    }
}

/// `curl_global_init` runs once per process, before the first handle.
private let curlGlobalInit: CURLcode = supervisor_curl_global_init()
