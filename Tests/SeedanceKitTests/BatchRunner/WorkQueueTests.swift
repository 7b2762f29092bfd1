import Testing

@testable import SeedanceKit

/// The hand-over between stages: first in first out, bounded, and it never strands a waiter.
@Suite("WorkQueue", .timeLimit(.minutes(1)))
struct WorkQueueTests {
    @Test("a full queue holds the producer until a consumer takes")
    func bounded() async {
        let queue = WorkQueue<Int>(capacity: 1)
        #expect(await queue.put(1))
        let second = Task { await queue.put(2) }
        #expect(await queue.take() == 1)
        #expect(await second.value)
        #expect(await queue.take() == 2)
    }

    @Test("closing keeps what is buffered, refuses new work, and ends waiting consumers")
    func closing() async {
        let queue = WorkQueue<Int>(contents: [1, 2])
        await queue.close()
        #expect(await queue.put(3) == false)
        #expect(await queue.take() == 1)
        #expect(await queue.take() == 2)
        #expect(await queue.take() == nil)
    }

    @Test("closing while discarding hands back the buffer and releases a waiting producer")
    func discarding() async {
        let queue = WorkQueue<Int>(capacity: 2, contents: [1, 2])
        let blocked = Task { await queue.put(3) }
        await Task.yield()
        #expect(await queue.closeDiscarding() == [1, 2])
        #expect(await blocked.value == false)
        #expect(await queue.take() == nil)
    }

    @Test("a cancelled consumer gets nil and a cancelled producer false")
    func cancellation() async {
        let queue = WorkQueue<Int>(capacity: 1, contents: [0])
        let producer = Task { await queue.put(1) }
        producer.cancel()
        #expect(await producer.value == false)
        let empty = WorkQueue<Int>()
        let consumer = Task { await empty.take() }
        consumer.cancel()
        #expect(await consumer.value == nil)
    }
}
