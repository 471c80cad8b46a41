/// An HTTP/1.1 client on libcurl for TCP and unix-socket servers (the Docker Engine API, version
/// manifests). All transfers run on one worker thread, so a slow request never holds up another;
/// request and response bodies stream with backpressure.
public final class HTTPClient: Sendable {
    private let worker: CurlMultiWorker

    public init() throws(HTTPClientError) {
        worker = try CurlMultiWorker()
    }

    deinit { worker.stop() }

    /// Sends `request` and returns once the status and headers have arrived. Read the body from the
    /// response; cancelling the calling task (or dropping the response) aborts the transfer.
    public func execute(_ request: HTTPClientRequest) async throws(HTTPClientError) -> HTTPClientResponse {
        if Task.isCancelled { throw .cancelled }
        let transfer = CurlTransfer(worker: worker)
        transfer.handle = try CurlEasyHandle(request: request, transfer: transfer)
        transfer.prepareUpload(request.body)
        guard worker.start(transfer) else {
            transfer.handle = nil
            transfer.complete(failure: .shutdown, status: 0)
            throw .shutdown
        }
        let owner = BodyOwner(transfer)
        let head = try await transfer.awaitHead().get()
        return HTTPClientResponse(status: head.status, headers: head.headers, body: .init(owner: owner))
    }

    /// Sends `request` and reads the whole body, for small answers such as JSON documents.
    /// Fails with `.responseTooLarge` when the body exceeds `maxBytes`.
    public func data(
        _ request: HTTPClientRequest, maxBytes: Int = 16 << 20
    ) async throws(HTTPClientError) -> (status: Int, headers: HTTPClientHeaders, body: [UInt8]) {
        let response = try await execute(request)
        return (response.status, response.headers, try await response.body.collect(upTo: maxBytes))
    }

    /// Aborts every transfer with `.shutdown` and stops the worker; later requests fail with `.shutdown`.
    public func shutdown() {
        worker.stop()
    }

    /// Transfers in flight; zero once every response has ended or been dropped.
    public var activeTransferCount: Int {
        get async { await worker.activeTransferCount }
    }
}
