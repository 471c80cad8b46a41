import CCurl

/// A configured curl easy handle and the C memory it points to, freed together.
final class CurlEasyHandle {
    let easy: UnsafeMutableRawPointer
    private var headerList: UnsafeMutablePointer<curl_slist>?
    private let errorBuffer: UnsafeMutablePointer<CChar>

    /// Builds the handle for `request`; curl's callbacks reach `transfer` through an unretained pointer,
    /// so the worker keeps `transfer` alive for as long as the handle is in its multi handle.
    init(request: HTTPClientRequest, transfer: CurlTransfer) throws(HTTPClientError) {
        guard let easy = curl_easy_init() else { throw HTTPClientError(.invalidRequest, "curl_easy_init failed") }
        self.easy = easy
        errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))
        try configure(request, context: Unmanaged.passUnretained(transfer).toOpaque())
    }

    deinit {
        curl_easy_cleanup(easy)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
    }

    /// The last error curl described for this handle, or its generic text for `code`.
    func errorMessage(_ code: CURLcode) -> String {
        let detail = String(cString: errorBuffer)
        return detail.isEmpty ? String(cString: curl_easy_strerror(code)) : detail
    }

    var responseCode: Int {
        var code = 0
        _ = supervisor_curl_easy_get_long(easy, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    private func configure(_ request: HTTPClientRequest, context: UnsafeMutableRawPointer) throws(HTTPClientError) {
        try set(CURLOPT_URL, request.url)
        try set(CURLOPT_PROTOCOLS_STR, "http,https")
        try set(CURLOPT_NOSIGNAL, 1)
        try set(CURLOPT_BUFFERSIZE, 64 * 1024)
        try set(CURLOPT_ERRORBUFFER, pointer: UnsafeMutableRawPointer(errorBuffer))
        if let path = request.unixSocketPath { try set(CURLOPT_UNIX_SOCKET_PATH, path) }

        try set(CURLOPT_CONNECTTIMEOUT_MS, request.connectTimeout.milliseconds)
        if let timeout = request.timeout { try set(CURLOPT_TIMEOUT_MS, timeout.milliseconds) }
        if let idle = request.idleTimeout {
            try set(CURLOPT_LOW_SPEED_LIMIT, 1)
            try set(CURLOPT_LOW_SPEED_TIME, max(1, (idle.milliseconds + 999) / 1000))
        }

        let method = request.method.uppercased()
        if method == "HEAD" {
            try set(CURLOPT_NOBODY, 1)
        } else {
            try set(CURLOPT_CUSTOMREQUEST, method)
        }
        switch request.body.storage {
        case .empty where ["POST", "PUT", "PATCH"].contains(method):
            try upload(length: 0)
        case .empty:
            break
        case .bytes(let bytes):
            try upload(length: bytes.count)
        case .stream(let length, _):
            try upload(length: length)
        }

        // curl would otherwise add `Expect: 100-continue` to larger uploads and stall up to a second.
        var lines = ["Expect:"]
        for (name, value) in request.headers {
            guard !name.isEmpty, !(name + value).contains(where: { $0 == "\r" || $0 == "\n" }) else {
                throw HTTPClientError(.invalidRequest, "invalid header field \(name)")
            }
            lines.append(value.isEmpty ? "\(name);" : "\(name): \(value)")
        }
        for line in lines {
            guard let list = curl_slist_append(headerList, line) else {
                throw HTTPClientError(.invalidRequest, "curl_slist_append failed")
            }
            headerList = list
        }
        try check(supervisor_curl_easy_set_slist(easy, CURLOPT_HTTPHEADER, headerList), CURLOPT_HTTPHEADER)

        try check(supervisor_curl_easy_set_header_function(easy, curlHeaderCallback), CURLOPT_HEADERFUNCTION)
        try check(supervisor_curl_easy_set_write_function(easy, curlWriteCallback), CURLOPT_WRITEFUNCTION)
        try check(supervisor_curl_easy_set_read_function(easy, curlReadCallback), CURLOPT_READFUNCTION)
        try set(CURLOPT_HEADERDATA, pointer: context)
        try set(CURLOPT_WRITEDATA, pointer: context)
        try set(CURLOPT_READDATA, pointer: context)
    }

    private func upload(length: Int?) throws(HTTPClientError) {
        try set(CURLOPT_UPLOAD, 1)
        try check(supervisor_curl_easy_set_off_t(easy, CURLOPT_INFILESIZE_LARGE, curl_off_t(length ?? -1)),
                  CURLOPT_INFILESIZE_LARGE)
    }

    private func set(_ option: CURLoption, _ value: Int) throws(HTTPClientError) {
        try check(supervisor_curl_easy_set_long(easy, option, value), option)
    }

    private func set(_ option: CURLoption, _ value: String) throws(HTTPClientError) {
        try check(supervisor_curl_easy_set_string(easy, option, value), option)
    }

    private func set(_ option: CURLoption, pointer: UnsafeMutableRawPointer) throws(HTTPClientError) {
        try check(supervisor_curl_easy_set_pointer(easy, option, pointer), option)
    }

    private func check(_ code: CURLcode, _ option: CURLoption) throws(HTTPClientError) {
        guard code == CURLE_OK else {
            throw HTTPClientError(.invalidRequest, "curl option \(option.rawValue): \(String(cString: curl_easy_strerror(code)))")
        }
    }
}

private func transfer(_ context: UnsafeMutableRawPointer?) -> CurlTransfer {
    Unmanaged<CurlTransfer>.fromOpaque(context!).takeUnretainedValue()
}

private let curlHeaderCallback: supervisor_curl_data_callback = { buffer, size, count, context in
    transfer(context).receiveHeaderLine(UnsafeRawBufferPointer(start: buffer, count: size * count))
    return size * count
}

private let curlWriteCallback: supervisor_curl_data_callback = { buffer, size, count, context in
    transfer(context).receiveBody(UnsafeRawBufferPointer(start: buffer, count: size * count))
}

private let curlReadCallback: supervisor_curl_data_callback = { buffer, size, count, context in
    transfer(context).readUpload(into: UnsafeMutableRawBufferPointer(start: buffer, count: size * count))
}

extension Duration {
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        return Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000)
    }
}
