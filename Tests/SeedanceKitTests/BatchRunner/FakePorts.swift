import Foundation
import SeedanceAPI

@testable import SeedanceKit

/// What a prepared item is in the tests: its id and how many prepared items were alive with it.
struct FakePrepared: Sendable {
    var itemID: String
}

/// Counts prepared items alive at once (prepared, not yet handed to the create call).
actor AliveCounter {
    private(set) var alive = 0
    private(set) var maxAlive = 0

    func born() {
        alive += 1
        maxAlive = max(maxAlive, alive)
    }

    func sent() { alive -= 1 }
}

struct FakePreparer: BatchPreparer {
    var provider: FakeProvider
    var alive = AliveCounter()
    /// Runs inside `prepare`, before it returns; a throw fails the item.
    var hook: @Sendable (BatchItem<String>) async throws -> Void = { _ in }

    func prepare(_ item: BatchItem<String>) async throws -> FakePrepared {
        await provider.append("prepare-start \(item.id)")
        if item.payload == "unusable" { throw FakeFailure(message: "line \(item.line): first frame is not an image") }
        try await hook(item)
        await alive.born()
        await provider.append("prepare-end \(item.id)")
        return FakePrepared(itemID: item.id)
    }
}

/// The real client's shape: the intent row (linked to the item, under the duplicate rule),
/// then the POST, then the typed answer.
struct FakeCreator: BatchCreator {
    var provider: FakeProvider
    var store: ScratchStore
    var alive: AliveCounter
    /// Runs after the intent row and the POST; an outcome it returns replaces the provider's,
    /// and no answer is recorded (the process died before it, or a test scripts the outcome).
    var afterPost: @Sendable (String) async -> BatchCreateOutcome? = { _ in nil }

    func create(_ prepared: FakePrepared, itemID: String) async -> BatchCreateOutcome {
        await alive.sent()
        let intentID = "intent-\(itemID)-\(UUID().uuidString.prefix(8))"
        let intent = TaskRecord(
            intentID: intentID, createdAt: Date(), model: "m", baseURL: "u", fingerprint: intentID, batchItem: store.key(itemID))
        do {
            if case .duplicate(let earlier) = try await store.store.recordIntent(intent, duplicatesSince: nil) {
                return .duplicate(of: BatchEarlierRequest(intentID: earlier.intentID, taskID: earlier.taskID))
            }
        } catch {
            return .ledgerFailed(message: "\(error)")
        }
        let outcome = await provider.create(itemID)
        if let replaced = await afterPost(itemID) { return replaced }
        let answer: (TaskCreation, taskID: String?, reason: String?)? =
            switch outcome {
            case .created(let taskID): (.created, taskID, nil)
            case .rateLimited: (.notSent, nil, "RATE_LIMIT_EXCEEDED")
            case .refused(let reason): (.refused, nil, reason)
            case .outcomeUnknown(let message): (.unknown, nil, message)
            case .duplicate, .ledgerFailed: nil
            }
        if let answer {
            do {
                try await store.store.recordAnswer(intentID: intentID, creation: answer.0, taskID: answer.taskID, reason: answer.reason, at: Date())
            } catch {
                // As the client does: the intent row stays, which reads as "may be paid".
            }
        }
        return outcome
    }
}

/// One loop polling every watched task, as SeedanceAPI's PollScheduler does, without sleeping.
actor FakeWatcher: BatchTaskWatcher {
    private let provider: FakeProvider
    private var watched: [String] = []
    private var finished = false
    private var wakeUp: CheckedContinuation<Void, Never>?

    init(provider: FakeProvider) {
        self.provider = provider
    }

    func watch(_ taskID: String) {
        if !watched.contains(taskID) { watched.append(taskID) }
        wake()
    }

    func finishWatching() {
        finished = true
        wake()
    }

    func run(report: @escaping @Sendable (BatchWatchEvent) async -> Void) async {
        while !Task.isCancelled {
            if watched.isEmpty {
                if finished { return }
                await withTaskCancellationHandler {
                    await withCheckedContinuation { wakeUp = $0 }
                } onCancel: {
                    Task { await self.wake() }
                }
                continue
            }
            for taskID in watched {
                let result = await provider.poll(taskID)
                if result.status.isFinished {
                    watched.removeAll { $0 == taskID }
                    await report(.finished(result))
                } else {
                    await report(.update(result))
                }
            }
            await Task.yield()
        }
    }

    private func wake() {
        wakeUp?.resume()
        wakeUp = nil
    }
}

actor FakeDownloader: BatchDownloader {
    private(set) var saved: [String: String] = [:]
    var failing: Set<String> = []

    func setFailing(_ outputs: Set<String>) { failing = outputs }

    func download(_ result: TaskSnapshot, to output: String) async throws {
        if failing.contains(output) { throw FakeFailure(message: "HTTP 403 twice") }
        guard result.status == .succeeded, let video = result.videos.first else { throw FakeFailure(message: "no video") }
        saved[output] = video.url
    }
}

/// A gate that counts: tokens granted, 429 penalties, and slots held at once.
actor FakeGate: BatchCreateGate {
    let maxInFlight: Int
    private(set) var inFlight = 0
    private(set) var maxObserved = 0
    private(set) var penalties: [Duration?] = []
    private(set) var log: [String] = []
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(maxInFlight: Int = 100) {
        self.maxInFlight = maxInFlight
    }

    func acquireToken() async throws {
        try Task.checkCancellation()
        log.append("token")
    }

    func penalize(retryAfter: Duration?) {
        penalties.append(retryAfter)
        log.append("penalize")
    }

    func recordSuccess() { log.append("success") }

    func acquireInFlight() async throws {
        while inFlight >= maxInFlight {
            try Task.checkCancellation()
            await withTaskCancellationHandler {
                await withCheckedContinuation { waiters.append($0) }
            } onCancel: {
                Task { await self.wakeAll() }
            }
        }
        inFlight += 1
        maxObserved = max(maxObserved, inFlight)
    }

    /// Releases of a slot nobody held: must stay zero.
    private(set) var overReleases = 0

    func releaseInFlight() {
        if inFlight == 0 {
            overReleases += 1
            return
        }
        inFlight -= 1
        if !waiters.isEmpty { waiters.removeFirst().resume() }
    }

    private func wakeAll() {
        for waiter in waiters { waiter.resume() }
        waiters.removeAll()
    }
}

struct FakeFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
