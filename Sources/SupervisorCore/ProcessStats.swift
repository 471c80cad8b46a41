import Foundation
import SupervisorKernel
import Synchronization

/// Resource use of this process, read from /proc and its cgroup like `docker stats` reports it.
final class ProcessStats: Sendable {
    /// CPU time and wall time at one moment, for the CPU percentage between two calls.
    private struct Sample {
        let cpuSeconds: Double
        let wallSeconds: Double
    }

    private let previous = Mutex<Sample?>(nil)
    private let procRoot: String
    private let cgroupRoot: String

    init(procRoot: String = "/proc", cgroupRoot: String = "/sys/fs/cgroup") {
        self.procRoot = procRoot
        self.cgroupRoot = cgroupRoot
    }

    /// The stats model of the API (`cpu_percent`, `memory_usage`, …).
    func snapshot() -> [String: JSONValue] {
        let usage = residentBytes()
        let limit = memoryLimit()
        let (read, write) = blockIO()
        let (received, sent) = network()
        return [
            "cpu_percent": .double(cpuPercent()),
            "memory_usage": .int(usage),
            "memory_limit": .int(limit),
            "memory_percent": .double(limit > 0 ? (Double(usage) / Double(limit) * 10_000).rounded() / 100 : 0),
            "network_rx": .int(received),
            "network_tx": .int(sent),
            "blk_read": .int(read),
            "blk_write": .int(write),
        ]
    }

    /// Percent of one CPU used since the previous call (since process start on the first).
    func cpuPercent() -> Double {
        guard let fields = statFields(), fields.count > 21 else { return 0 }
        let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))
        let cpuSeconds = ((Double(fields[13]) ?? 0) + (Double(fields[14]) ?? 0)) / ticksPerSecond
        let uptime = Double(read("\(procRoot)/uptime")?.split(separator: " ").first ?? "") ?? 0
        let now = Sample(cpuSeconds: cpuSeconds, wallSeconds: uptime)
        let startSeconds = (Double(fields[21]) ?? 0) / ticksPerSecond
        let before = previous.withLock { last in
            defer { last = now }
            return last ?? Sample(cpuSeconds: 0, wallSeconds: startSeconds)
        }
        let wall = now.wallSeconds - before.wallSeconds
        guard wall > 0 else { return 0 }
        return ((now.cpuSeconds - before.cpuSeconds) / wall * 10_000).rounded() / 100
    }

    /// Resident set size in bytes.
    func residentBytes() -> Int {
        guard let pages = read("\(procRoot)/self/statm")?.split(separator: " "), pages.count > 1 else { return 0 }
        return (Int(pages[1]) ?? 0) * Int(sysconf(Int32(_SC_PAGESIZE)))
    }

    /// The cgroup memory limit (v2 `memory.max`, v1 `memory.limit_in_bytes`), or physical memory.
    func memoryLimit() -> Int {
        let physical = physicalMemory()
        for path in memoryLimitFiles() {
            guard let text = read(path)?.trimmingCharacters(in: .whitespacesAndNewlines), let value = Int(text) else { continue }
            if value > 0 && value < physical { return value }
        }
        return physical
    }

    /// Bytes this process made the block layer read and write.
    func blockIO() -> (read: Int, write: Int) {
        guard let text = read("\(procRoot)/self/io") else { return (0, 0) }
        var values: [String: Int] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":")
            if parts.count == 2 { values[String(parts[0])] = Int(parts[1].trimmingCharacters(in: .whitespaces)) }
        }
        return (values["read_bytes"] ?? 0, values["write_bytes"] ?? 0)
    }

    /// Bytes received and sent on this network namespace's interfaces other than loopback.
    func network() -> (received: Int, sent: Int) {
        guard let text = read("\(procRoot)/self/net/dev") else { return (0, 0) }
        var received = 0
        var sent = 0
        for line in text.split(separator: "\n").dropFirst(2) {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) != "lo" else { continue }
            let numbers = parts[1].split(separator: " ").compactMap { Int($0) }
            if numbers.count > 8 {
                received += numbers[0]
                sent += numbers[8]
            }
        }
        return (received, sent)
    }

    private func memoryLimitFiles() -> [String] {
        guard let text = read("\(procRoot)/self/cgroup") else { return [] }
        var files: [String] = []
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            let path = String(parts[2])
            if parts[0] == "0" && parts[1].isEmpty {
                files.append("\(cgroupRoot)\(path)/memory.max")
            } else if parts[1].split(separator: ",").contains("memory") {
                files.append("\(cgroupRoot)/memory\(path)/memory.limit_in_bytes")
                files.append("\(cgroupRoot)/memory/memory.limit_in_bytes")
            }
        }
        return files
    }

    private func physicalMemory() -> Int {
        guard let text = read("\(procRoot)/meminfo"),
              let line = text.split(separator: "\n").first(where: { $0.hasPrefix("MemTotal:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return Int(ProcessInfo.processInfo.physicalMemory) }
        return kilobytes * 1024
    }

    /// Fields of /proc/self/stat after the command name (which may hold spaces), 0-based as in proc(5) minus 1.
    private func statFields() -> [Substring]? {
        guard let text = read("\(procRoot)/self/stat"), let close = text.lastIndex(of: ")") else { return nil }
        let rest = text[text.index(after: close)...].split(separator: " ")
        // proc(5) numbers fields from 1 with pid=1, comm=2, state=3; `rest` starts at state.
        return [Substring("pid"), Substring("comm")] + rest
    }

    private func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }
}

