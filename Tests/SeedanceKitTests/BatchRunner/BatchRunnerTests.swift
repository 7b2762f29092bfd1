import Foundation
import SeedanceAPI
import Testing

@testable import SeedanceKit

/// The runner against in-memory ports: money rules, overlap, bounds, resume. No sleeps: the
/// fakes answer at once, and a time limit only guards against a hang when a test fails.
@Suite("BatchRunner", .timeLimit(.minutes(1)))
struct BatchRunnerTests {
    @Test("every item is prepared, sent once, polled and downloaded")
    func happyPath() async throws {
        try await withScratchFolder("runner") { folder in
            let world = try World(in: folder)
            let summary = try await world.runner().run(World.items(["a", "b", "c"]))
            #expect(summary.outcome == .succeeded)
            #expect(summary.items.map(\.state) == [.downloaded, .downloaded, .downloaded])
            #expect(await world.provider.created == ["a": 1, "b": 1, "c": 1])
            #expect(await world.downloader.saved.keys.sorted() == ["out/a.mp4", "out/b.mp4", "out/c.mp4"])
            #expect(abs(summary.spentUSD - 0.78) < 1e-9)
            for id in ["a", "b", "c"] {
                #expect(try await world.store.entry(id)?.stage == .downloaded(output: "out/\(id).mp4"))
                #expect(summary.item(id)?.taskID?.hasSuffix("-\(id)") == true)
            }
            #expect(await world.gate.overReleases == 0)
            #expect(await world.gate.inFlight == 0)
        }
    }

    @Test("the progress stream ends with the final counts")
    func progressStream() async throws {
        try await withScratchFolder("runner") { folder in
            let world = try World(in: folder)
            let runner = world.runner()
            async let summary = runner.run(World.items(["a", "b"]))
            var last: BatchRunProgress?
            for await progress in runner.progress { last = progress }
            #expect(try await summary.outcome == .succeeded)
            #expect(last?[.downloaded] == 2)
            #expect(last?.total == 2)
            #expect(last?.eta == .zero)
        }
    }

    @Test("later items are prepared while earlier ones are being polled")
    func stagesOverlap() async throws {
        try await withScratchFolder("runner") { folder in
            var world = try World(in: folder)
            let provider = world.provider
            // b's preparation cannot end before a's task has been polled: a runner that prepared
            // everything before polling anything would never get there.
            world.prepareHook = { item in
                if item.id == "b" { await provider.waitUntilPolled(item: "a") }
            }
            await provider.setPollsToFinish(2)
            let summary = try await world.runner(BatchRunOptions(preparers: 1)).run(World.items(["a", "b"]))
            #expect(summary.outcome == .succeeded)
            let log = await provider.log
            let startB = try #require(log.firstIndex(of: "prepare-start b"))
            let pollA = try #require(log.firstIndex(of: "poll a"))
            let endB = try #require(log.firstIndex(of: "prepare-end b"))
            #expect(startB < pollA && pollA < endB)
        }
    }

    @Test("tasks at the provider never exceed the in-flight cap", arguments: [1, 2, 3])
    func inFlightCap(cap: Int) async throws {
        try await withScratchFolder("runner") { folder in
            var world = try World(in: folder)
            world.gate = FakeGate(maxInFlight: cap)
            await world.provider.setPollsToFinish(3)
            let summary = try await world.runner(BatchRunOptions(preparers: 2)).run(World.items((1...8).map { "i\($0)" }))
            #expect(summary.outcome == .succeeded)
            #expect(await world.provider.maxRunning <= cap)
            #expect(await world.gate.maxObserved <= cap)
            #expect(await world.gate.overReleases == 0)
            #expect(await world.provider.created.values.allSatisfy { $0 == 1 })
        }
    }

    @Test("prepared items held in memory stay within preparers + buffer + 1")
    func preparedItemsAreBounded() async throws {
        try await withScratchFolder("runner") { folder in
            var world = try World(in: folder)
            world.gate = FakeGate(maxInFlight: 1)
            await world.provider.setPollsToFinish(3)
            let options = BatchRunOptions(preparers: 2, preparedBuffer: 1)
            let summary = try await world.runner(options).run(World.items((1...10).map { "i\($0)" }))
            #expect(summary.outcome == .succeeded)
            #expect(await world.alive.maxAlive <= 2 + 1 + 1)
        }
    }

    @Test("a 429 penalises the gate and the item is sent again exactly once more")
    func rateLimited() async throws {
        try await withScratchFolder("runner") { folder in
            let world = try World(in: folder)
            await world.provider.script("b", [.rateLimited(.seconds(7))])
            let summary = try await world.runner(BatchRunOptions(preparers: 1)).run(World.items(["a", "b", "c"]))
            #expect(summary.outcome == .succeeded)
            #expect(await world.provider.attempts["b"] == 2)
            #expect(await world.provider.created["b"] == 1)
            #expect(await world.gate.penalties == [.seconds(7)])
            // Every create call went through the gate: one token per attempt (3 items + 1 retry).
            #expect(await world.gate.log.filter { $0 == "token" }.count == 4)
            let gateLog = await world.gate.log
            let penalty = try #require(gateLog.firstIndex(of: "penalize"))
            #expect(gateLog[(penalty + 1)...].contains("token"))
            #expect(await world.gate.overReleases == 0)
        }
    }

    @Test("an item still rate-limited after every try goes back unsent")
    func rateLimitedTooOften() async throws {
        try await withScratchFolder("runner") { folder in
            let world = try World(in: folder)
            await world.provider.script("a", Array(repeating: .rateLimited(nil), count: 3))
            let summary = try await world.runner(BatchRunOptions(preparers: 1, maxRateLimitedAttempts: 3)).run(World.items(["a"]))
            #expect(summary.item("a")?.state == .pending)
            #expect(summary.outcome == .stillRunning)
            #expect(await world.provider.created["a"] == nil)
            #expect(try await world.store.entry("a")?.stage == .unsent)
            #expect(try await world.store.heldClaims().isEmpty)
        }
    }

    @Test("an unknown outcome is reported and never sent again, also on resume")
    func unknownOutcomeNeverResent() async throws {
        try await withScratchFolder("runner") { folder in
            let world = try World(in: folder)
            await world.provider.script("b", [.createButLoseAnswer])
            let first = try await world.runner().run(World.items(["a", "b"]))
            #expect(first.item("b")?.state == .outcomeUnknown)
            #expect(first.outcome == .someOutcomeUnknown)
            let second = try await world.runner().run(World.items(["a", "b"]))
            #expect(second.item("b")?.state == .outcomeUnknown)
            #expect(second.item("a")?.state == .downloaded)
            #expect(second.outcome == .someOutcomeUnknown)
            #expect(await world.provider.attempts["b"] == 1)
            #expect(await world.provider.attempts["a"] == 1)
        }
    }

    @Test("an intent without an answer is outcome unknown; a recorded task id is polled")
    func intentWithoutAnswer() async throws {
        try await withScratchFolder("runner") { folder in
            let world = try World(in: folder)
            let recovered = await world.provider.makeTask(for: "c")
            try await world.store.presetSent("b")
            try await world.store.presetSent("c", answer: .created, taskID: recovered)
            let summary = try await world.runner().run(World.items(["b", "c"]))
            #expect(summary.item("b")?.state == .outcomeUnknown)
            #expect(summary.item("c")?.state == .downloaded)
            #expect(await world.provider.attempts["b"] == nil)
            #expect(await world.provider.attempts["c"] == nil)
            #expect(summary.outcome == .someOutcomeUnknown)
        }
    }

    @Test("failed items are sent again only with retryFailed")
    func retryFailed() async throws {
        try await withScratchFolder("runner") { folder in
            let world = try World(in: folder)
            await world.provider.script("c", [.refuse("ILLEGAL_PROMPT")])
            await world.provider.setFailing(["d"])
            let items = World.items(["a", "c", "d"])
            let first = try await world.runner().run(items)
            #expect(first.item("c")?.state == .failed)
            #expect(first.item("c")?.error == "ILLEGAL_PROMPT")
            #expect(first.item("d")?.state == .failed)
            #expect(first.outcome == .someFailed)
            #expect(abs(first.spentUSD - 0.26) < 1e-9, "neither the refused nor the failed item is paid")

            let again = try await world.runner().run(items)
            #expect(again.outcome == .someFailed)
            #expect(abs(again.spentUSD - 0.26) < 1e-9, "a resumed run counts the same")
            #expect(await world.provider.attempts == ["a": 1, "c": 1, "d": 1])

            await world.provider.setFailing([])
            let retried = try await world.runner(BatchRunOptions(preparers: 2, retryFailed: true)).run(items)
            #expect(retried.outcome == .succeeded)
            #expect(await world.provider.attempts == ["a": 1, "c": 2, "d": 2])
        }
    }

    @Test("an unusable input fails its item without sending anything")
    func preparationFails() async throws {
        try await withScratchFolder("runner") { folder in
            let world = try World(in: folder)
            let items = World.items(["a", "b"]) { $0 == "b" ? "unusable" : "ok" }
            let summary = try await world.runner().run(items)
            #expect(summary.item("b")?.state == .failed)
            #expect(summary.item("b")?.error?.contains("line 2") == true)
            #expect(summary.item("a")?.state == .downloaded)
            #expect(await world.provider.attempts["b"] == nil)
            #expect(summary.outcome == .someFailed)
        }
    }

    @Test("the spending cap stops before the next item would pass it")
    func spendingCap() async throws {
        try await withScratchFolder("runner") { folder in
            let world = try World(in: folder)
            let options = BatchRunOptions(preparers: 1, maxSpendUSD: 1.0)
            let summary = try await world.runner(options).run(World.items(["a", "b", "c", "d", "e"], cost: 0.3))
            #expect(summary.outcome == .stoppedAtCap)
            #expect(summary.items.map(\.state) == [.downloaded, .downloaded, .downloaded, .capped, .capped])
            #expect(summary.spentUSD <= 1.0)
            #expect(await world.provider.attempts.count == 3)
            guard case .spendingCap(let message) = summary.stop else {
                Issue.record("expected a spending-cap stop, got \(String(describing: summary.stop))")
                return
            }
            #expect(message.contains("line 4"))
            #expect(try await world.store.heldClaims().isEmpty)
        }
    }

    @Test("a cap counts what earlier runs may have paid")
    func spendingCapAcrossRuns() async throws {
        try await withScratchFolder("runner") { folder in
            let world = try World(in: folder)
            let first = try await world.runner(BatchRunOptions(preparers: 1, maxSpendUSD: 0.6)).run(World.items(["a", "b", "c"], cost: 0.3))
            #expect(first.outcome == .stoppedAtCap)
            let second = try await world.runner(BatchRunOptions(preparers: 1, maxSpendUSD: 0.6)).run(World.items(["a", "b", "c"], cost: 0.3))
            #expect(second.item("c")?.state == .capped)
            #expect(await world.provider.attempts["c"] == nil)
            #expect(abs(second.spentUSD - 0.6) < 1e-9)
        }
    }

    @Test("an unknown price with a cap refuses to start and sends nothing")
    func unknownPriceWithCap() async throws {
        try await withScratchFolder("runner") { folder in
            let world = try World(in: folder)
            var items = World.items(["a", "b"])
            items[1].estimatedCostUSD = nil
            let error = await #expect(throws: SeedanceKitError.self) {
                try await world.runner(BatchRunOptions(maxSpendUSD: 5)).run(items)
            }
            #expect(error?.kind == .unknownPriceWithCap)
            #expect(error?.message.contains("\"b\"") == true)
            #expect(await world.provider.attempts.isEmpty)
            #expect(try await world.store.heldClaims().isEmpty)
            // Without a cap, an unknown price is only unknown.
            #expect(try await world.runner().run(items).outcome == .succeeded)
        }
    }

    @Test("duplicate ids refuse to start")
    func duplicateIDs() async throws {
        try await withScratchFolder("runner") { folder in
            let world = try World(in: folder)
            let items = World.items(["a", "b", "a"])
            let error = await #expect(throws: SeedanceKitError.self) { try await world.runner().run(items) }
            #expect(error?.kind == .duplicateItemID)
            #expect(error?.message.contains("line 3") == true)
        }
    }

    @Test("an item another process holds is skipped by this one")
    func claimRefused() async throws {
        try await withScratchFolder("runner") { folder in
            let world = try World(in: folder)
            try await world.store.presetClaim("b", owner: "other-process")
            let summary = try await world.runner().run(World.items(["a", "b", "c"]))
            #expect(summary.item("b")?.state == .skipped)
            #expect(await world.provider.attempts["b"] == nil)
            #expect(summary.outcome == .succeeded)
        }
    }

    @Test("two runners on one store never send the same item twice")
    func twoProcesses() async throws {
        try await withScratchFolder("runner") { folder in
            let world = try World(in: folder)
            let items = World.items((1...12).map { "i\($0)" })
            async let one = world.runner(owner: "one").run(items)
            async let two = world.runner(owner: "two").run(items)
            let (first, second) = try await (one, two)
            #expect(await world.provider.attempts.values.allSatisfy { $0 == 1 })
            #expect(await world.provider.attempts.count == 12)
            for id in items.map(\.id) {
                let states = [first.item(id)?.state, second.item(id)?.state]
                #expect(states.contains(.downloaded) || states.contains(.outcomeUnknown), "\(id): \(states)")
            }
        }
    }

    @Test("resuming after a crash pays for nothing twice and loses no task id")
    func resumeAfterCrash() async throws {
        try await withScratchFolder("runner") { folder in
            var world = try World(in: folder)
            let reached = Signal()
            let proceed = Signal()
            // The process "dies" during c's create: the intent is committed and the POST made a
            // task, but no answer came back.
            world.afterPost = { itemID in
                guard itemID == "c" else { return nil }
                await reached.fire()
                await proceed.wait()
                return .outcomeUnknown(message: "killed")
            }
            let items = World.items(["a", "b", "c", "d"])
            let crashed = Task { try await world.runner(BatchRunOptions(preparers: 1)).run(items) }
            await reached.wait()
            let taskIDsAtCrash = [try await world.store.entry("a")?.taskID, try await world.store.entry("b")?.taskID]
            crashed.cancel()
            await proceed.fire()
            _ = try? await crashed.value

            // A new process over the same store file.
            var resumed = world
            resumed.afterPost = { _ in nil }
            resumed.gate = FakeGate()
            let summary = try await resumed.runner(BatchRunOptions(preparers: 1)).run(items)
            #expect(summary.item("c")?.state == .outcomeUnknown)
            #expect(summary.item("a")?.state == .downloaded)
            #expect(summary.item("b")?.state == .downloaded)
            #expect(summary.item("d")?.state == .downloaded)
            #expect(await resumed.provider.created == ["a": 1, "b": 1, "c": 1, "d": 1])
            #expect(summary.outcome == .someOutcomeUnknown)
            #expect([summary.item("a")?.taskID, summary.item("b")?.taskID] == taskIDsAtCrash)
            #expect(taskIDsAtCrash.allSatisfy { $0 != nil })
        }
    }

    @Test("the deadline stops the run with tasks still running, and the store keeps their ids")
    func deadline() async throws {
        try await withScratchFolder("runner") { folder in
            let world = try World(in: folder)
            let deadline = Signal()
            await world.provider.setPollsToFinish(.max)
            let time = TimeSource(now: { .zero }, sleep: { _ in await deadline.wait() }, jitter: { 0.5 })
            let provider = world.provider
            let runner = world.runner(BatchRunOptions(preparers: 1, deadline: .seconds(60)), time: time)
            async let summary = runner.run(World.items(["a"]))
            await provider.waitUntilPolled(item: "a")
            await deadline.fire()
            let result = try await summary
            #expect(result.outcome == .stillRunning)
            #expect(result.stop == .deadline)
            #expect(result.item("a")?.state == .running)
            let taskID = try #require(result.item("a")?.taskID)
            #expect(try await world.store.entry("a")?.taskID == taskID)
        }
    }

    @Test("a cancelled run gives back the claims of what it did not send and interrupts no create call")
    func cancelled() async throws {
        try await withScratchFolder("runner") { folder in
            var world = try World(in: folder)
            let reached = Signal()
            world.prepareHook = { item in
                guard item.id == "c" else { return }
                await reached.fire()
                // Ends only by cancellation.
                try await Task.sleep(for: .seconds(86_400))
            }
            let items = World.items(["a", "b", "c", "d", "e"])
            let run = Task { try await world.runner(BatchRunOptions(preparers: 1)).run(items) }
            await reached.wait()
            run.cancel()
            let summary = try await run.value
            #expect(summary.stop == .cancelled)
            #expect(summary.outcome == .stillRunning)
            for id in ["c", "d", "e"] {
                #expect(summary.item(id)?.state == .pending)
                #expect(try await world.store.entry(id)?.stage ?? .unsent == .unsent)
            }
            #expect(try await world.store.heldClaims().isEmpty)
            #expect(await world.provider.attempts["c"] == nil)
            for id in ["a", "b"] {
                // Either sent (and its task id is in the store) or given back unsent: never an
                // intent without its answer.
                let entry = try await world.store.entry(id)
                #expect(entry?.taskID != nil || entry?.stage ?? .unsent == .unsent, "\(id): \(String(describing: entry))")
            }
            #expect(await world.gate.overReleases == 0)
        }
    }

    @Test("a duplicate of a paid request follows the earlier task and pays nothing")
    func duplicateFollowsEarlierTask() async throws {
        try await withScratchFolder("runner") { folder in
            var world = try World(in: folder)
            let earlier = await world.provider.makeTask(for: "earlier")
            world.afterPost = { itemID in
                itemID == "b" ? .duplicate(of: BatchEarlierRequest(intentID: "intent-1", taskID: earlier)) : nil
            }
            let summary = try await world.runner().run(World.items(["a", "b"]))
            #expect(summary.item("b")?.state == .downloaded)
            #expect(summary.item("b")?.duplicateOfTaskID == earlier)
            #expect(await world.downloader.saved["out/b.mp4"]?.contains(earlier) == true)
            #expect(abs(summary.spentUSD - 0.26) < 1e-9)
        }
    }

    @Test("a store failure stops sending and exits with the I/O status")
    func ledgerFailure() async throws {
        try await withScratchFolder("runner") { folder in
            var world = try World(in: folder)
            let store = world.store
            world.prepareHook = { item in
                if item.id == "b" { store.setFailWrites(true) }
            }
            let summary = try await world.runner(BatchRunOptions(preparers: 1)).run(World.items(["a", "b", "c", "d"]))
            #expect(summary.outcome == .localIOFailure)
            #expect(await world.provider.attempts["c"] == nil)
            #expect(await world.provider.attempts["d"] == nil)
        }
    }

    @Test("a video that cannot be saved fails the item; the next run downloads it without paying")
    func downloadFailure() async throws {
        try await withScratchFolder("runner") { folder in
            let world = try World(in: folder)
            await world.downloader.setFailing(["out/a.mp4"])
            let first = try await world.runner().run(World.items(["a"]))
            #expect(first.item("a")?.state == .succeeded)
            #expect(first.outcome == .someFailed)
            await world.downloader.setFailing([])
            let second = try await world.runner().run(World.items(["a"]))
            #expect(second.item("a")?.state == .downloaded)
            #expect(second.outcome == .succeeded)
            #expect(await world.provider.attempts["a"] == 1)
        }
    }

    @Test("the summary encodes as one snake_case document")
    func summaryJSON() throws {
        let summary = BatchRunSummary(
            items: [BatchItemResult(id: "a", line: 1, state: .outcomeUnknown, taskID: "t1", estimatedCostUSD: 0.26, error: "reset")],
            spentUSD: 0.26, stop: nil, preparation: BatchPreparation(items: 3, frames: 5, seconds: 2.5))
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(summary), as: UTF8.self)
        #expect(text.contains(#""status":"some_outcome_unknown""#))
        #expect(!text.contains("exit_code"), "exit codes are the command line's")
        #expect(text.contains(#""items_prepared":3"#) && text.contains(#""frames_prepared":5"#) && text.contains(#""prepare_seconds":2.5"#))
        #expect(summary.preparation.framesPerSecond == 2)
        #expect(text.contains(#""state":"outcome_unknown""#))
        #expect(text.contains(#""task_id":"t1""#))
        #expect(text.contains(#""estimated_cost_usd":0.26"#))
    }
}
