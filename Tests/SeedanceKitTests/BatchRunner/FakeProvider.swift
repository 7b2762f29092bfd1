import SeedanceAPI

@testable import SeedanceKit

/// The provider, in memory: makes tasks, answers polls, and counts what matters for money
/// (every create that reached it) and for the in-flight cap (tasks running at once).
actor FakeProvider {
    enum Answer: Sendable {
        case create
        case rateLimited(Duration?)
        case refuse(String)
        /// The task is made, but the answer is lost.
        case createButLoseAnswer
    }

    struct RemoteTask {
        var itemID: String
        var polls = 0
        var pollsToFinish: Int
        var fails: Bool
    }

    private var scripts: [String: [Answer]] = [:]
    private(set) var tasks: [String: RemoteTask] = [:]
    /// Every create call that reached the provider, per item.
    private(set) var attempts: [String: Int] = [:]
    /// Every task made (paid for), per item.
    private(set) var created: [String: Int] = [:]
    private(set) var maxRunning = 0
    private var running = 0
    private var nextID = 1
    var pollsToFinish = 1
    var failingItems: Set<String> = []
    private(set) var log: [String] = []
    private var pollWaiters: [String: [CheckedContinuation<Void, Never>]] = [:]

    func script(_ itemID: String, _ answers: [Answer]) { scripts[itemID] = answers }
    func setPollsToFinish(_ value: Int) { pollsToFinish = value }
    func setFailing(_ items: Set<String>) { failingItems = items }
    func append(_ line: String) { log.append(line) }

    func create(_ itemID: String) -> BatchCreateOutcome {
        attempts[itemID, default: 0] += 1
        var script = scripts[itemID] ?? []
        let answer = script.isEmpty ? .create : script.removeFirst()
        scripts[itemID] = script
        log.append("create \(itemID)")
        switch answer {
        case .create:
            return .created(taskID: makeTask(for: itemID))
        case .rateLimited(let retryAfter):
            return .rateLimited(retryAfter: retryAfter)
        case .refuse(let reason):
            return .refused(reason: reason)
        case .createButLoseAnswer:
            _ = makeTask(for: itemID)
            return .outcomeUnknown(message: "the connection was reset after the request was sent")
        }
    }

    /// A task that exists at the provider, for stores preset by a test.
    func makeTask(for itemID: String) -> String {
        let id = "task-\(nextID)-\(itemID)"
        nextID += 1
        tasks[id] = RemoteTask(itemID: itemID, pollsToFinish: pollsToFinish, fails: failingItems.contains(itemID))
        created[itemID, default: 0] += 1
        running += 1
        maxRunning = max(maxRunning, running)
        return id
    }

    func poll(_ taskID: String) -> TaskSnapshot {
        guard var task = tasks[taskID] else {
            return TaskSnapshot(taskID: taskID, status: .failed, reason: "TASK_NOT_FOUND")
        }
        let wasDone = task.polls >= task.pollsToFinish
        task.polls += 1
        tasks[taskID] = task
        log.append("poll \(task.itemID)")
        for waiter in pollWaiters.removeValue(forKey: task.itemID) ?? [] { waiter.resume() }
        guard task.polls >= task.pollsToFinish else { return TaskSnapshot(taskID: taskID, status: .running) }
        if !wasDone { running -= 1 }
        if task.fails { return TaskSnapshot(taskID: taskID, status: .failed, reason: "TASK_FAILED: the model declined") }
        return TaskSnapshot(taskID: taskID, status: .succeeded, videos: [TaskSnapshot.Video(url: "https://cdn.example/\(taskID).mp4")])
    }

    /// Returns once the item's task has been polled at least once.
    func waitUntilPolled(item itemID: String) async {
        if tasks.values.contains(where: { $0.itemID == itemID && $0.polls > 0 }) { return }
        await withCheckedContinuation { pollWaiters[itemID, default: []].append($0) }
    }

    func taskID(of itemID: String) -> String? { tasks.first { $0.value.itemID == itemID }?.key }
}
