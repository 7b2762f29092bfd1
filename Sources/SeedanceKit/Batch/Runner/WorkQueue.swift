/// A first-in first-out hand-over between stages, bounded so a fast producer waits for a slow
/// consumer (prepared frames hold megabytes). Several producers and consumers may share it.
///
/// `put` returns false (and keeps nothing) once the queue is closed or the caller is cancelled;
/// `take` returns nil once the queue is closed and empty, or the caller is cancelled.
actor WorkQueue<Element: Sendable> {
    private var buffer: [Element] = []
    private var head = 0
    private let capacity: Int
    private var closed = false
    private var takers: [(id: Int, continuation: CheckedContinuation<Element?, Never>)] = []
    private var putters: [(id: Int, element: Element, continuation: CheckedContinuation<Bool, Never>)] = []
    private var nextWaiter = 0

    init(capacity: Int = .max, contents: [Element] = []) {
        self.capacity = max(capacity, 1)
        self.buffer = contents
    }

    private var count: Int { buffer.count - head }

    func put(_ element: Element) async -> Bool {
        if closed || Task.isCancelled { return false }
        if !takers.isEmpty {
            takers.removeFirst().continuation.resume(returning: element)
            return true
        }
        if count < capacity {
            buffer.append(element)
            return true
        }
        let id = nextWaiter
        nextWaiter += 1
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                putters.append((id, element, continuation))
            }
        } onCancel: {
            Task { await self.cancelPutter(id) }
        }
    }

    func take() async -> Element? {
        if count > 0 {
            let element = buffer[head]
            head += 1
            if head > 64, head * 2 > buffer.count {
                buffer.removeFirst(head)
                head = 0
            }
            admitWaitingPutter()
            return element
        }
        if closed || Task.isCancelled { return nil }
        let id = nextWaiter
        nextWaiter += 1
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                takers.append((id, continuation))
            }
        } onCancel: {
            Task { await self.cancelTaker(id) }
        }
    }

    /// No more puts: waiting producers get false; what is buffered can still be taken.
    func close() {
        closed = true
        for putter in putters { putter.continuation.resume(returning: false) }
        putters.removeAll()
        // Takers wait only while the buffer is empty: there is nothing more for them.
        for taker in takers { taker.continuation.resume(returning: nil) }
        takers.removeAll()
    }

    /// Closes the queue and hands back what was buffered, so the caller can account for it.
    func closeDiscarding() -> [Element] {
        let rest = Array(buffer[head...])
        buffer.removeAll()
        head = 0
        close()
        return rest
    }

    private func admitWaitingPutter() {
        guard !putters.isEmpty, count < capacity else { return }
        let putter = putters.removeFirst()
        buffer.append(putter.element)
        putter.continuation.resume(returning: true)
    }

    private func cancelPutter(_ id: Int) {
        guard let index = putters.firstIndex(where: { $0.id == id }) else { return }
        putters.remove(at: index).continuation.resume(returning: false)
    }

    private func cancelTaker(_ id: Int) {
        guard let index = takers.firstIndex(where: { $0.id == id }) else { return }
        takers.remove(at: index).continuation.resume(returning: nil)
    }
}
