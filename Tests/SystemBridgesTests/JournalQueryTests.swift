import Foundation
import SystemTestSupport
import SystemdBridge
import Testing

@Suite final class JournalQueryTests {
    let sample: JournalSample
    init() throws { sample = try JournalSample() }
    var fixture: JournalFixture { sample.fixture }
    var journal: Journal { sample.journal }

    private func messages(_ query: JournalQuery) async throws -> [String] {
        var result: [String] = []
        for try await entry in journal.entries(query) { result.append(entry["MESSAGE"] ?? "") }
        return result
    }

    @Test func lastEntriesOfOneIdentifier() async throws {
        #expect(try await messages(.last(3, identifiers: ["hassio_supervisor"])) == ["sup B 3", "sup B 4", "sup B 5"])
    }

    @Test func lastEntriesOfSeveralIdentifiers() async throws {
        #expect(try await messages(.last(2, identifiers: ["kernel", "sshd"])) == ["kernel A", "accepted"])
        #expect(try await messages(.last(10, identifiers: ["kernel", "sshd"])) == ["kernel A", "accepted"])
        #expect(try await messages(.last(0, identifiers: ["kernel", "sshd"])) == [])
    }

    @Test func containerNameFilterKeepsBinaryMessage() async throws {
        var entries: [JournalEntry] = []
        for try await entry in journal.entries(JournalQuery(containerName: "homeassistant")) { entries.append(entry) }
        #expect(entries.count == 1)
        #expect(entries.first?.message == JournalTestData.binaryMessage)
        #expect(entries.first?.bootID == JournalTestData.bootB)
    }

    @Test func bootFilter() async throws {
        #expect(try await messages(JournalQuery(bootID: JournalTestData.bootA))
            == ["boot A start", "sup A 1", "kernel A", "sup A 2"])
        #expect(try await messages(.last(5, identifiers: ["hassio_supervisor"], bootID: JournalTestData.bootA))
            == ["sup A 1", "sup A 2"])
    }

    @Test func bootsOldestFirst() async throws {
        let start = JournalTestData.start
        #expect(try await journal.boots() == [
            JournalBoot(id: JournalTestData.bootA, offset: -1, firstEntry: start, lastEntry: start + 3_000_000),
            JournalBoot(id: JournalTestData.bootB, offset: 0, firstEntry: start + 3_600_000_000,
                        lastEntry: start + 3_607_000_000),
        ])
    }

    @Test func identifierList() async throws {
        #expect(try await journal.identifiers() == ["hassio_supervisor", "homeassistant", "kernel", "sshd", "systemd"])
    }

    @Test func cursorRanges() async throws {
        var all: [JournalEntry] = []
        for try await entry in journal.entries(JournalQuery()) { all.append(entry) }
        #expect(all.count == JournalTestData.entries.count)
        let cursor = all[2].cursor

        #expect(try await messages(JournalQuery(position: .cursor(cursor), limit: 3)) == ["kernel A", "sup A 2", "boot B start"])
        #expect(try await messages(JournalQuery(position: .cursor(cursor), endCursor: all[4].cursor))
            == ["kernel A", "sup A 2", "boot B start"])

        let skipping = try #require(JournalQuery().applyingRange("entries=\(cursor):1:2"))
        #expect(try await messages(skipping) == ["sup A 2", "boot B start"])

        let backwards = try #require(JournalQuery().applyingRange("entries=\(cursor):-2:3"))
        #expect(try await messages(backwards) == ["boot A start", "sup A 1", "kernel A"])

        let newest = try #require(JournalQuery(identifiers: ["hassio_supervisor"]).applyingRange("entries=:-1:2"))
        #expect(try await messages(newest) == ["sup B 4", "sup B 5"])
    }

    @Test func rangeHeaderParsing() throws {
        let cursor = try #require(JournalQuery().applyingRange("entries=s=abc;i=1"))
        #expect(cursor.position == .cursor("s=abc;i=1") && cursor.skip == 0 && cursor.limit == nil)
        let head = try #require(JournalQuery().applyingRange("entries=:5"))
        #expect(head.position == .head && head.skip == 0 && head.limit == 5)
        let tail = try #require(JournalQuery().applyingRange("entries=:-99:100"))
        #expect(tail.position == .tail && tail.skip == -99 && tail.limit == 100)
        #expect(JournalQuery().applyingRange("entries=x:1:0") == nil)
        #expect(JournalQuery().applyingRange("entries=x:y:1") == nil)
        #expect(JournalQuery().applyingRange("bytes=0-10") == nil)
    }

    @Test func shortFormat() async throws {
        var entries: [JournalEntry] = []
        for try await entry in journal.entries(.last(1, identifiers: ["sshd"])) { entries.append(entry) }
        let utc = try #require(TimeZone(identifier: "UTC"))
        #expect(entries.first?.shortFormat(timeZone: utc) == "Nov 22 11:00:07 testhost sshd[42]: accepted")
        var binary: [JournalEntry] = []
        for try await entry in journal.entries(JournalQuery(containerName: "homeassistant")) { binary.append(entry) }
        #expect(binary.first?.shortFormat(timeZone: utc) == "Nov 22 11:00:06 testhost homeassistant: \u{FFFD}\u{FFFD}A\nB")
    }

    @Test func missingDirectoryFailsToOpen() {
        #expect(throws: JournalError.self) { try Journal.open(directory: fixture.directory.file("missing")) }
    }
}
