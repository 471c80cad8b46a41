import SystemTestSupport
import SystemdBridge
import Testing

@Suite final class JournalFollowTests {
    let sample: JournalSample
    init() throws { sample = try JournalSample() }
    var fixture: JournalFixture { sample.fixture }
    var journal: Journal { sample.journal }

    private func entry(_ second: UInt64, _ message: String, identifier: String = "hassio_supervisor") -> JournalFixture.Entry {
        .init(realtime: JournalTestData.start + (3_700 + second) * 1_000_000, monotonic: (100 + second) * 1_000_000,
              bootID: JournalTestData.bootB, identifier: identifier, message: message)
    }

    private func nextMessage(_ iterator: inout AsyncThrowingStream<JournalEntry, any Error>.Iterator) async throws -> String? {
        try await iterator.next()?["MESSAGE"]
    }

    @Test func followYieldsEntriesWrittenLater() async throws {
        var iterator = journal.entries(.last(2, identifiers: ["hassio_supervisor"], follow: true)).makeAsyncIterator()
        #expect(try await nextMessage(&iterator) == "sup B 4")
        #expect(try await nextMessage(&iterator) == "sup B 5")

        try fixture.write([entry(0, "later 1"), entry(1, "ignored", identifier: "other"), entry(2, "later 2")])
        #expect(try await nextMessage(&iterator) == "later 1")
        #expect(try await nextMessage(&iterator) == "later 2")
    }

    @Test func cancellingEndsAFollowingStream() async throws {
        let journal = journal
        let (received, receivedContinuation) = AsyncStream.makeStream(of: Void.self)
        let reader = Task {
            var count = 0
            for try await _ in journal.entries(.last(3, follow: true)) {
                count += 1
                if count == 3 { receivedContinuation.yield() }
            }
            return count
        }
        for await _ in received { break }
        reader.cancel()
        #expect(try await reader.value == 3)
    }
}
