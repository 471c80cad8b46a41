extension ByteStream {
    /// Text lines, each ended with a newline, pulled from the source as the client reads.
    ///
    /// Up to `batch` lines go into one chunk. Use a batch of 1 for a source that waits for new
    /// lines (a follow), so a line never sits in a chunk waiting for the next one.
    public static func lines(batch: Int, _ makeNextLine: @escaping @Sendable () -> (() async throws -> String?)) -> ByteStream {
        ByteStream {
            let nextLine = makeNextLine()
            return {
                var chunk: [UInt8] = []
                for _ in 0..<Swift.max(1, batch) {
                    guard let line = try await nextLine() else { break }
                    chunk.append(contentsOf: line.utf8)
                    chunk.append(UInt8(ascii: "\n"))
                }
                return chunk.isEmpty ? nil : chunk
            }
        }
    }
}
