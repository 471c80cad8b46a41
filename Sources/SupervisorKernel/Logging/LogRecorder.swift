import Foundation
import Logging
import Synchronization

/// The Supervisor's own log: a bounded ring of recent lines for `/supervisor/logs`, a live
/// stream for followers, and a level that `/supervisor/options` can change at run time.
public final class LogRecorder: Sendable {
    private struct State {
        var lines: [String] = []
        var start = 0
        var followers: [UInt64: AsyncStream<String>.Continuation] = [:]
        var nextFollower: UInt64 = 0
    }

    private let state = Mutex(State())
    private let capacity: Int
    private let levelValue: Mutex<Logger.Level>
    /// Where lines also go (stderr, so systemd's journal picks them up).
    private let echo: (@Sendable (String) -> Void)?

    public init(capacity: Int = 5000, level: Logger.Level = .info, echo: (@Sendable (String) -> Void)? = LogRecorder.stderrEcho) {
        self.capacity = capacity
        self.levelValue = Mutex(level)
        self.echo = echo
    }

    public static let stderrEcho: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The level every logger made by `makeHandler` obeys.
    public var level: Logger.Level {
        get { levelValue.withLock { $0 } }
        set { levelValue.withLock { $0 = newValue } }
    }

    /// Records one line.
    public func append(_ line: String) {
        echo?(line)
        let followers = state.withLock { state -> [AsyncStream<String>.Continuation] in
            if state.lines.count < capacity {
                state.lines.append(line)
            } else {
                state.lines[state.start] = line
                state.start = (state.start + 1) % capacity
            }
            return Array(state.followers.values)
        }
        for follower in followers { follower.yield(line) }
    }

    /// The last `count` lines (all kept lines when `nil`), oldest first.
    public func recent(_ count: Int? = nil) -> [String] {
        state.withLock { state in
            let ordered = Array(state.lines[state.start...] + state.lines[..<state.start])
            guard let count else { return ordered }
            return Array(ordered.suffix(max(0, count)))
        }
    }

    /// New lines as they are logged.
    public func follow() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(10_000))
        let id = state.withLock { state in
            state.nextFollower += 1
            state.followers[state.nextFollower] = continuation
            return state.nextFollower
        }
        continuation.onTermination = { [weak self] _ in _ = self?.state.withLock { $0.followers.removeValue(forKey: id) } }
        return stream
    }

    /// A swift-log handler writing into this recorder.
    public func makeHandler(label: String) -> any LogHandler {
        RecordingLogHandler(label: label, recorder: self)
    }
}

/// Formats records as `2026-11-22 10:00:00.123 INFO (label) message key=value`.
struct RecordingLogHandler: LogHandler {
    let label: String
    let recorder: LogRecorder
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(label: String, recorder: LogRecorder) {
        self.label = label
        self.recorder = recorder
    }

    var logLevel: Logger.Level {
        get { recorder.level }
        set { recorder.level = newValue }
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() { merged.merge(provided) { _, new in new } }
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        let fields = merged.sorted { $0.key < $1.key }.map { " \($0.key)=\($0.value)" }.joined()
        let stamp = Timestamp.logLine()
        recorder.append("\(stamp) \(event.level.rawValue.uppercased()) (\(label)) \(event.message)\(fields)")
    }

}
