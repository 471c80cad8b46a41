import SystemTestSupport
import SystemdBridge

/// Two boots of sample entries, written as real journal files.
enum JournalTestData {
    static let bootA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    static let bootB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"
    /// 2023-11-22 10:00:00 UTC.
    static let start: UInt64 = 1_700_647_200_000_000
    static let binaryMessage: [UInt8] = [0xFF, 0xFE, 0x41, 0x0A, 0x42]

    static var entries: [JournalFixture.Entry] {
        func entry(_ boot: String, _ second: UInt64, _ identifier: String, container: String? = nil, pid: Int? = nil,
                   _ message: String) -> JournalFixture.Entry {
            let offset: UInt64 = boot == bootA ? 0 : 3_600
            return .init(realtime: start + (offset + second) * 1_000_000, monotonic: (second + 1) * 1_000_000,
                         bootID: boot, identifier: identifier, pid: pid, containerName: container, message: message)
        }
        return [
            entry(bootA, 0, "systemd", "boot A start"),
            entry(bootA, 1, "hassio_supervisor", container: "hassio_supervisor", "sup A 1"),
            entry(bootA, 2, "kernel", "kernel A"),
            entry(bootA, 3, "hassio_supervisor", container: "hassio_supervisor", "sup A 2"),
            entry(bootB, 0, "systemd", "boot B start"),
            entry(bootB, 1, "hassio_supervisor", container: "hassio_supervisor", "sup B 1"),
            entry(bootB, 2, "hassio_supervisor", container: "hassio_supervisor", "sup B 2"),
            entry(bootB, 3, "hassio_supervisor", container: "hassio_supervisor", "sup B 3"),
            entry(bootB, 4, "hassio_supervisor", container: "hassio_supervisor", "sup B 4"),
            entry(bootB, 5, "hassio_supervisor", container: "hassio_supervisor", "sup B 5"),
            .init(realtime: start + 3_606_000_000, monotonic: 7_000_000, bootID: bootB, identifier: "homeassistant",
                  containerName: "homeassistant", message: binaryMessage),
            entry(bootB, 7, "sshd", pid: 42, "accepted"),
        ]
    }
}

/// Journal files holding `JournalTestData.entries`, opened as a directory journal.
final class JournalSample: Sendable {
    let fixture: JournalFixture
    let journal: Journal

    init() throws {
        fixture = try JournalFixture()
        try fixture.write(JournalTestData.entries)
        journal = try Journal.open(directory: fixture.journalPath)
    }
}
