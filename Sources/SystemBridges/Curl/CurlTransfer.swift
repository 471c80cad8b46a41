import CCurl
import Synchronization

/// The state one request shares between the curl worker thread (callbacks) and async Swift
/// (the caller awaiting the head, the body reader, the request-body producer).
///
/// Backpressure works through curl's pause mechanism: a callback that finds its buffer full (or
/// empty, for uploads) returns the pause code, and the async side asks the worker to unpause once
/// it has made room (or supplied data).
final class CurlTransfer: Sendable {
    struct Head: Sendable {
        let status: Int
        let headers: HTTPClientHeaders
    }

    /// Bytes of response body held before the transfer pauses, and of request body accepted before the producer waits.
    static let bufferLimit = 1 << 20

    private struct State {
        var cancelled = false
        var outcome: Result<Void, HTTPClientError>?

        var statusLine: Int?
        var headerFields: [(name: String, value: String)] = []
        var head: Result<Head, HTTPClientError>?
        var headWaiter: CheckedContinuation<Result<Head, HTTPClientError>, Never>?

        var received: [[UInt8]] = []
        var receivedBytes = 0
        var receivePaused = false
        var bodyWaiter: CheckedContinuation<Result<[UInt8]?, HTTPClientError>, Never>?

        var upload: [[UInt8]] = []
        var uploadOffset = 0
        var uploadBytes = 0
        var uploadFinished = true
        var uploadFailure: String?
        var sendPaused = false
        var producerWaiter: CheckedContinuation<Bool, Never>?
        var producer: Task<Void, Never>?
    }

    private let state = Mutex(State())
    private let worker: CurlMultiWorker
    /// The easy handle and what it points to; touched only by whoever owns the handle (the creating
    /// caller until submission, then the worker thread).
    nonisolated(unsafe) var handle: CurlEasyHandle?

    init(worker: CurlMultiWorker) {
        self.worker = worker
    }

    // MARK: Request body

    /// Prepares the request body before the transfer starts.
    func prepareUpload(_ body: HTTPClientRequest.Body) {
        switch body.storage {
        case .empty:
            break
        case .bytes(let bytes):
            state.withLock {
                $0.upload = bytes.isEmpty ? [] : [bytes]
                $0.uploadBytes = bytes.count
            }
        case .stream(_, let produce):
            state.withLock { $0.uploadFinished = false }
            let producer = Task { [self] in
                do {
                    try await produce(self)
                    finishUpload(failure: nil)
                } catch {
                    finishUpload(failure: "\(error)")
                }
            }
            state.withLock { $0.producer = producer }
        }
    }

    /// Hands one chunk of request body to curl; waits while the buffer is full. `false`: stop producing.
    func offerUpload(_ chunk: [UInt8]) async -> Bool {
        guard !chunk.isEmpty else { return true }
        return await withCheckedContinuation { (waiter: CheckedContinuation<Bool, Never>) in
            let (verdict, wake) = state.withLock { s -> (Bool?, Bool) in
                if s.cancelled || s.outcome != nil { return (false, false) }
                s.upload.append(chunk)
                s.uploadBytes += chunk.count
                let wake = s.sendPaused
                s.sendPaused = false
                if s.uploadBytes >= Self.bufferLimit {
                    s.producerWaiter = waiter
                    return (nil, wake)
                }
                return (true, wake)
            }
            if wake { worker.resume(self) }
            if let verdict { waiter.resume(returning: verdict) }
        }
    }

    private func finishUpload(failure: String?) {
        let wake = state.withLock { s -> Bool in
            s.uploadFinished = true
            s.uploadFailure = failure
            defer { s.sendPaused = false }
            return s.sendPaused
        }
        if wake { worker.resume(self) }
    }

    /// curl's read callback: copies request body into `buffer`, or pauses until the producer has more.
    func readUpload(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        var wakeProducer: CheckedContinuation<Bool, Never>?
        let count = state.withLock { s -> Int in
            if s.cancelled || s.uploadFailure != nil { return supervisor_curl_readfunc_abort }
            if s.uploadBytes == 0 {
                if s.uploadFinished { return 0 }
                s.sendPaused = true
                return supervisor_curl_readfunc_pause
            }
            var copied = 0
            while copied < buffer.count, !s.upload.isEmpty {
                let chunk = s.upload[0]
                let n = min(buffer.count - copied, chunk.count - s.uploadOffset)
                chunk.withUnsafeBytes { source in
                    UnsafeMutableRawBufferPointer(rebasing: buffer[copied..<copied + n])
                        .copyMemory(from: UnsafeRawBufferPointer(rebasing: source[s.uploadOffset..<s.uploadOffset + n]))
                }
                copied += n
                s.uploadOffset += n
                if s.uploadOffset == chunk.count {
                    s.upload.removeFirst()
                    s.uploadOffset = 0
                }
            }
            s.uploadBytes -= copied
            if s.uploadBytes < Self.bufferLimit {
                wakeProducer = s.producerWaiter
                s.producerWaiter = nil
            }
            return copied
        }
        wakeProducer?.resume(returning: true)
        return count
    }

    // MARK: Response head

    /// curl's header callback: one raw header line, including the status line and the blank line.
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self).trimmingTrailingNewline()
        var waiter: CheckedContinuation<Result<Head, HTTPClientError>, Never>?
        var head: Result<Head, HTTPClientError>?
        state.withLock { s in
            guard s.head == nil else { return }  // trailers after the body
            if line.hasPrefix("HTTP/") {
                s.statusLine = line.split(separator: " ").dropFirst().first.flatMap { Int($0) }
                s.headerFields = []
            } else if line.isEmpty {
                // The blank line ends a header block; interim 1xx blocks are followed by the real one.
                guard let status = s.statusLine, status >= 200 else { return }
                head = .success(Head(status: status, headers: HTTPClientHeaders(s.headerFields)))
                s.head = head
                waiter = s.headWaiter
                s.headWaiter = nil
            } else if let colon = line.firstIndex(of: ":") {
                let name = String(line[..<colon])
                let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
                s.headerFields.append((name, String(value)))
            }
        }
        if let waiter, let head { waiter.resume(returning: head) }
    }

    /// Waits until the status and headers have arrived (or the request failed).
    func awaitHead() async -> Result<Head, HTTPClientError> {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (waiter: CheckedContinuation<Result<Head, HTTPClientError>, Never>) in
                let ready = state.withLock { s -> Result<Head, HTTPClientError>? in
                    if let head = s.head { return head }
                    if s.cancelled { return .failure(.cancelled) }
                    s.headWaiter = waiter
                    return nil
                }
                if let ready { waiter.resume(returning: ready) }
            }
        } onCancel: {
            cancel()
        }
    }

    // MARK: Response body

    /// curl's write callback: keeps the bytes for the reader, or pauses the transfer while the reader is behind.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Int {
        var handOff: CheckedContinuation<Result<[UInt8]?, HTTPClientError>, Never>?
        let accepted = state.withLock { s -> Int in
            if s.cancelled { return 0 }
            if s.receivedBytes >= Self.bufferLimit {
                s.receivePaused = true
                return supervisor_curl_writefunc_pause
            }
            if let waiter = s.bodyWaiter {
                s.bodyWaiter = nil
                handOff = waiter
            } else {
                s.received.append(Array(bytes))
                s.receivedBytes += bytes.count
            }
            return bytes.count
        }
        handOff?.resume(returning: .success(Array(bytes)))
        return accepted
    }

    /// The next chunk of response body, or `nil` at its end.
    func nextBodyChunk() async throws(HTTPClientError) -> [UInt8]? {
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (waiter: CheckedContinuation<Result<[UInt8]?, HTTPClientError>, Never>) in
                let (ready, wake) = state.withLock { s -> (Result<[UInt8]?, HTTPClientError>?, Bool) in
                    if !s.received.isEmpty {
                        var chunk = s.received[0]
                        if s.received.count > 1 {
                            chunk.reserveCapacity(s.receivedBytes)
                            for more in s.received.dropFirst() { chunk.append(contentsOf: more) }
                        }
                        s.received = []
                        s.receivedBytes = 0
                        defer { s.receivePaused = false }
                        return (.success(chunk), s.receivePaused)
                    }
                    if let outcome = s.outcome { return (outcome.map { nil }, false) }
                    if s.cancelled { return (.failure(.cancelled), false) }
                    s.bodyWaiter = waiter
                    return (nil, false)
                }
                if wake { worker.resume(self) }
                if let ready { waiter.resume(returning: ready) }
            }
        } onCancel: {
            cancel()
        }
        return try result.get()
    }

    // MARK: Pausing, cancellation and completion

    /// The directions curl must keep paused (`CURLPAUSE_*` bits); read by the worker when asked to resume.
    var pauseMask: Int32 {
        state.withLock { s in
            (s.receivePaused ? CURLPAUSE_RECV : 0) | (s.sendPaused ? CURLPAUSE_SEND : 0)
        }
    }

    var isCancelled: Bool { state.withLock { $0.cancelled } }

    /// Aborts the transfer unless it has already ended; every waiter gets `.cancelled`.
    func cancel() {
        let waiters = state.withLock { s -> Waiters? in
            guard !s.cancelled, s.outcome == nil else { return nil }
            s.cancelled = true
            return Waiters(taking: &s)
        }
        guard let waiters else { return }
        waiters.resume(head: .failure(.cancelled), body: .failure(.cancelled))
        worker.cancel(self)
    }

    /// Records how the transfer ended (on the worker thread, after curl let go of the handle).
    func complete(failure: HTTPClientError?, status: Int) {
        let (waiters, head, outcome) = state.withLock { s -> (Waiters, Result<Head, HTTPClientError>, Result<Void, HTTPClientError>) in
            let failure = s.cancelled ? .cancelled : failure.map { error in
                s.uploadFailure.map { HTTPClientError(.transfer, "request body failed: \($0)") } ?? error
            }
            let outcome: Result<Void, HTTPClientError> = failure.map { .failure($0) } ?? .success(())
            s.outcome = outcome
            if s.head == nil {
                s.head = failure.map { .failure($0) }
                    ?? .success(Head(status: s.statusLine ?? status, headers: HTTPClientHeaders(s.headerFields)))
            }
            return (Waiters(taking: &s), s.head!, outcome)
        }
        waiters.resume(head: head, body: outcome.map { nil })
    }

    private struct Waiters {
        let head: CheckedContinuation<Result<Head, HTTPClientError>, Never>?
        let body: CheckedContinuation<Result<[UInt8]?, HTTPClientError>, Never>?
        let producerWaiter: CheckedContinuation<Bool, Never>?
        let producer: Task<Void, Never>?

        init(taking s: inout State) {
            head = s.headWaiter
            body = s.bodyWaiter
            producerWaiter = s.producerWaiter
            producer = s.producer
            s.headWaiter = nil
            s.bodyWaiter = nil
            s.producerWaiter = nil
            s.producer = nil
        }

        func resume(head headResult: Result<Head, HTTPClientError>, body bodyResult: Result<[UInt8]?, HTTPClientError>) {
            producer?.cancel()
            producerWaiter?.resume(returning: false)
            head?.resume(returning: headResult)
            body?.resume(returning: bodyResult)
        }
    }
}

extension String {
    fileprivate func trimmingTrailingNewline() -> String {
        var line = Substring(self)
        while let last = line.last, last == "\n" || last == "\r" || last == "\r\n" { line = line.dropLast() }
        return String(line)
    }
}
