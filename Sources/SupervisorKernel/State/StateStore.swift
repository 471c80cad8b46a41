import Foundation
import Logging
import Synchronization

/// One JSON file per component in the data directory, written atomically.
///
/// A file that cannot be read or decoded at start is moved aside as
/// `name.json.corrupt-<time>`, logged and reported in `recoveredFiles`, and the component starts
/// from its defaults: a damaged file never stops the Supervisor.
public final class StateStore: Sendable {
    /// A state file that was set aside at load.
    public struct Recovery: Sendable, Equatable {
        public let name: String
        public let movedTo: String
        public let reason: String
    }

    public let directory: URL
    private let logger: Logger
    private let recoveries = Mutex<[Recovery]>([])

    public init(directory: URL, logger: Logger) {
        self.directory = directory
        self.logger = logger
    }

    /// Files set aside since start.
    public var recoveredFiles: [Recovery] { recoveries.withLock { $0 } }

    public func url(for name: String) -> URL { directory.appendingPathComponent("\(name).json") }

    /// Loads `name.json`, or `defaults` when it does not exist or is corrupt.
    ///
    /// `validate` may throw to reject a file that decodes but holds impossible values.
    public func load<Value: Codable & Sendable>(
        _ name: String, defaults: Value, validate: (Value) throws -> Void = { _ in }
    ) -> Value {
        let file = url(for: name)
        guard FileManager.default.fileExists(atPath: file.path) else { return defaults }
        do {
            let data = try Data(contentsOf: file)
            let value = try JSONDecoder().decode(Value.self, from: data)
            try validate(value)
            return value
        } catch {
            let reason = (error as? DecodingError)?.plainDescription ?? String(describing: error)
            setAside(name, reason: reason)
            return defaults
        }
    }

    /// Writes `value` as `name.json`: temp file, fsync, rename, fsync of the directory.
    public func save<Value: Encodable>(_ value: Value, as name: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(value), to: url(for: name))
    }

    private func setAside(_ name: String, reason: String) {
        let stamp = Timestamp.compact()
        let source = url(for: name)
        let target = directory.appendingPathComponent("\(name).json.corrupt-\(stamp)")
        do {
            try FileManager.default.moveItem(at: source, to: target)
        } catch {
            logger.error("Could not move corrupt state file aside", metadata: ["file": "\(source.path)", "error": "\(error)"])
        }
        logger.error(
            "State file is corrupt; moved aside and using defaults",
            metadata: ["file": "\(source.path)", "moved_to": "\(target.path)", "reason": "\(reason)"])
        recoveries.withLock { $0.append(Recovery(name: name, movedTo: target.path, reason: reason)) }
    }
}

/// A component's state held in memory and saved on every change.
public final class StateFile<Value: Codable & Sendable>: Sendable {
    private let store: StateStore
    private let name: String
    private let value: Mutex<Value>

    public init(store: StateStore, name: String, defaults: Value, validate: (Value) throws -> Void = { _ in }) {
        self.store = store
        self.name = name
        self.value = Mutex(store.load(name, defaults: defaults, validate: validate))
    }

    public var current: Value { value.withLock { $0 } }

    /// Applies `change` and saves; on a failed write the in-memory value is left as it was.
    @discardableResult
    public func update(_ change: (inout Value) throws -> Void) throws -> Value {
        try value.withLock { current in
            var next = current
            try change(&next)
            do {
                try store.save(next, as: name)
            } catch {
                throw SupervisorError(.internalError, "Could not save \(name).json: \(error)")
            }
            current = next
            return next
        }
    }
}
