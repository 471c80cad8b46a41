import Testing
@testable import SupervisorKernel

struct Ping: SupervisorEvent { let number: Int }
struct Other: SupervisorEvent {}

@Suite struct EventBusTests {
    @Test func everySubscriberGetsEveryEventEvenBesideASlowOne() async {
        let bus = EventBus()
        let slow = bus.subscribe(to: Ping.self)
        let fast = bus.subscribe(to: Ping.self)
        let unrelated = bus.subscribe(to: Other.self)
        for number in 0..<10_000 { bus.publish(Ping(number: number)) }
        var received = 0
        for await event in fast {
            #expect(event.number == received)
            received += 1
            if received == 10_000 { break }
        }
        #expect(received == 10_000)
        // The slow subscriber never read, yet nothing was lost for it either.
        var slowCount = 0
        for await _ in slow {
            slowCount += 1
            if slowCount == 10_000 { break }
        }
        #expect(slowCount == 10_000)
        bus.finish()
        var unrelatedCount = 0
        for await _ in unrelated { unrelatedCount += 1 }
        #expect(unrelatedCount == 0)
    }

    @Test func cancelledSubscribersAreDropped() async {
        let bus = EventBus()
        do {
            let stream = bus.subscribe(to: Ping.self)
            let task = Task { for await _ in stream {} }
            task.cancel()
            await task.value
        }
        bus.publish(Ping(number: 1))
        let after = bus.subscribe(to: Ping.self)
        bus.publish(Ping(number: 2))
        bus.finish()
        var numbers: [Int] = []
        for await event in after { numbers.append(event.number) }
        #expect(numbers == [2])
    }
}
