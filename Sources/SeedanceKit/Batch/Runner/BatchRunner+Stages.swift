import SeedanceAPI

extension BatchRunner {
    struct Ready: Sendable {
        var item: BatchItem<Payload>
        var prepared: Prepared
    }

    struct Download: Sendable {
        var itemID: String
        var result: TaskSnapshot
    }

    private enum Ending: Sendable {
        case finished, deadline, aborted
    }

    /// The stages, raced against the deadline and a store failure; either cancels them all.
    func runStages(_ plan: Plan, board: BatchRunBoard) async {
        await withTaskGroup(of: Ending.self) { group in
            group.addTask {
                await work(plan, board: board)
                return .finished
            }
            if let deadline = options.deadline {
                group.addTask {
                    do { try await time.sleep(deadline) } catch { return .finished }
                    return .deadline
                }
            }
            group.addTask {
                await board.waitForAbort()
                return .aborted
            }
            if await group.next() == .deadline { await board.stop(.deadline) }
            group.cancelAll()
        }
        if Task.isCancelled { await board.stop(.cancelled) }
    }

    private func work(_ plan: Plan, board: BatchRunBoard) async {
        let outgoing = WorkQueue(contents: plan.toSend)
        // Everything to send is in it already: workers stop when it is empty.
        await outgoing.close()
        let ready = WorkQueue<Ready>(capacity: options.preparedBuffer)
        let downloads = WorkQueue<Download>()
        for taskID in Set(plan.toWatch) { await watcher.watch(taskID) }
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                await withTaskGroup(of: Void.self) { workers in
                    for _ in 0..<options.preparers {
                        workers.addTask { await prepareLoop(outgoing, into: ready, board: board) }
                    }
                }
                await ready.close()
            }
            group.addTask {
                await submitLoop(ready, outgoing: outgoing, board: board)
                await watcher.finishWatching()
            }
            group.addTask {
                await watcher.run { event in await handle(event, downloads: downloads, board: board) }
                await downloads.close()
            }
            for _ in 0..<options.downloads {
                group.addTask { await downloadLoop(downloads, board: board) }
            }
        }
    }

    // MARK: Preparing

    private func prepareLoop(_ outgoing: WorkQueue<Outgoing>, into ready: WorkQueue<Ready>, board: BatchRunBoard) async {
        while let next = await outgoing.take() {
            let item = next.item
            if await shouldStop(board) {
                await setAside(item, claimed: false, board: board)
                continue
            }
            let claimed: Bool
            do {
                claimed = try await ledger.claim(item.id, resending: next.resending)
            } catch {
                await board.stop(.ledgerFailed(message: "\(error)"))
                continue
            }
            guard claimed else {
                await board.set(item.id, .skipped, error: "another process holds this item; this one left it alone")
                continue
            }
            await board.set(item.id, .preparing)
            await board.preparationStarted()
            let prepared: Prepared
            do {
                prepared = try await preparer.prepare(item)
                await board.preparationEnded(frames: preparer.frameCount(of: prepared))
            } catch is CancellationError {
                await setAside(item, claimed: true, board: board)
                continue
            } catch {
                await board.preparationEnded(frames: nil)
                let reason = "\(error)"
                await record(board) { try await ledger.recordNotSent(item.id, reason: reason) }
                await board.set(item.id, .failed, error: reason)
                continue
            }
            await board.set(item.id, .ready)
            if await !ready.put(Ready(item: item, prepared: prepared)) {
                await setAside(item, claimed: true, board: board)
            }
        }
    }

    /// Whether to stop taking new work: the run is cancelled, or it stops early. Queued items are
    /// still taken (and set aside), so every claim is given back.
    private func shouldStop(_ board: BatchRunBoard) async -> Bool {
        if Task.isCancelled { return true }
        return await board.isStopping
    }

    /// An item the run stopped before sending: its claim goes back, and it is `capped` when the
    /// cap stopped the run, else `pending` (the next run sends it).
    private func setAside(_ item: BatchItem<Payload>, claimed: Bool, board: BatchRunBoard) async {
        if claimed { await record(board) { try await ledger.release(item.id) } }
        await board.set(item.id, await board.isCapped ? .capped : .pending)
    }

    /// Writes to the ledger even when the run is being cancelled (an unstructured task does not
    /// inherit cancellation); a failure stops the batch. False when it failed.
    @discardableResult
    func record(_ board: BatchRunBoard, _ write: @escaping @Sendable () async throws -> Void) async -> Bool {
        let failure = await Task { () -> String? in
            do {
                try await write()
                return nil
            } catch {
                return "\(error)"
            }
        }.value
        guard let failure else { return true }
        await board.stop(.ledgerFailed(message: failure))
        return false
    }

    // MARK: Submitting

    private func submitLoop(_ ready: WorkQueue<Ready>, outgoing: WorkQueue<Outgoing>, board: BatchRunBoard) async {
        await holdSlotsForEarlierTasks(board: board)
        while let next = await ready.take() {
            if await shouldStop(board) {
                await setAside(next.item, claimed: true, board: board)
                continue
            }
            if let refusal = await board.admit(next.item.id) {
                await board.stop(.spendingCap(message: refusal))
                await setAside(next.item, claimed: true, board: board)
                for rest in await outgoing.closeDiscarding() { await board.set(rest.item.id, .capped) }
                for rest in await ready.closeDiscarding() { await setAside(rest.item, claimed: true, board: board) }
                continue
            }
            await send(next, board: board)
        }
    }

    /// Tasks from earlier runs still at the provider count against the in-flight cap before
    /// anything new is sent.
    private func holdSlotsForEarlierTasks(board: BatchRunBoard) async {
        for id in await board.itemsWantingSlots() {
            do { try await gate.acquireInFlight() } catch { return }
            if await !board.takeWantedSlot(id) { await gate.releaseInFlight() }
        }
    }

    private func send(_ ready: Ready, board: BatchRunBoard) async {
        let id = ready.item.id
        for attempt in 1... {
            await board.set(id, .rateLimited)
            do {
                try await gate.acquireInFlight()
            } catch {
                await notSent(ready.item, board: board)
                return
            }
            do {
                try await gate.acquireToken()
            } catch {
                await gate.releaseInFlight()
                await notSent(ready.item, board: board)
                return
            }
            await board.set(id, .submitting)
            // Never cut short: a cancelled create would leave a paid task without its id.
            let outcome = await Task { await creator.create(ready.prepared, itemID: id) }.value
            if case .rateLimited(let retryAfter) = outcome {
                await gate.penalize(retryAfter: retryAfter)
                await gate.releaseInFlight()
                if attempt >= options.maxRateLimitedAttempts {
                    await board.note(id, error: "still rate limited (HTTP 429) after \(attempt) tries; nothing was sent: run the batch again later")
                    await notSent(ready.item, board: board)
                    return
                }
                continue
            }
            await settle(outcome, itemID: id, board: board)
            return
        }
    }

    /// The item was not sent: nothing is owed for it, and it goes back.
    private func notSent(_ item: BatchItem<Payload>, board: BatchRunBoard) async {
        await board.unadmit(item.id)
        await setAside(item, claimed: true, board: board)
    }

    /// Records a create call's final outcome (anything but a 429).
    private func settle(_ outcome: BatchCreateOutcome, itemID id: String, board: BatchRunBoard) async {
        switch outcome {
        case .created(let taskID):
            await gate.recordSuccess()
            await board.follow(id, taskID: taskID, holdsSlot: true)
            await watcher.watch(taskID)
        case .rateLimited:
            break
        case .refused(let reason):
            await gate.releaseInFlight()
            await board.unadmit(id)
            await board.set(id, .failed, error: reason)
        case .duplicate(let earlier):
            await gate.releaseInFlight()
            // Nothing new was paid: the earlier request is followed instead.
            await board.unadmit(id)
            if let taskID = earlier.taskID {
                await board.follow(id, taskID: taskID, holdsSlot: false, duplicateOf: taskID)
                await watcher.watch(taskID)
            } else {
                await board.set(
                    id, .outcomeUnknown,
                    error: "an identical request (intent \(earlier.intentID ?? "unknown")) was sent "
                        + "before and its outcome is unknown; not sent again")
            }
        case .outcomeUnknown(let message):
            // No task id to follow, so its slot cannot be tracked; the spend stays counted.
            await gate.releaseInFlight()
            await board.set(id, .outcomeUnknown, error: message)
        case .ledgerFailed(let message):
            await gate.releaseInFlight()
            await board.unadmit(id)
            await board.stop(.ledgerFailed(message: message))
            await board.set(id, .pending, error: message)
        }
    }

    // MARK: Polling and downloading

    private func handle(_ event: BatchWatchEvent, downloads: WorkQueue<Download>, board: BatchRunBoard) async {
        switch event {
        case .update(let result):
            let state: BatchRunItemState = result.status == .running ? .running : .submitted
            // A task found succeeded (from an earlier run) only waits for its download.
            for id in await board.followers(of: result.taskID) where await board.state(of: id) != .succeeded {
                await board.set(id, state)
            }
        case .finished(let result):
            for id in await board.followers(of: result.taskID) {
                if await board.dropSlot(id) { await gate.releaseInFlight() }
                await record(board) { try await ledger.recordTaskFinished(id, result: result) }
                if result.status == .succeeded {
                    await board.set(id, .succeeded)
                    if await board.startDownload(id) { _ = await downloads.put(Download(itemID: id, result: result)) }
                } else {
                    // A failed task is not charged (``TaskState/mayBePaid``), as a resumed run counts it.
                    await board.unadmit(id)
                    await board.set(id, .failed, error: result.reason.isEmpty ? "the task failed (the provider gave no reason)" : result.reason)
                }
            }
        case .gaveUp(let taskID, let message):
            for id in await board.followers(of: taskID) {
                if await board.dropSlot(id) { await gate.releaseInFlight() }
                await board.note(id, error: "polling gave up (\(message)); the task may still be running: run the batch again to follow it")
            }
        }
    }

    private func downloadLoop(_ downloads: WorkQueue<Download>, board: BatchRunBoard) async {
        while let job = await downloads.take() {
            guard let output = await board.output(of: job.itemID) else { continue }
            do {
                try await downloader.download(job.result, to: output)
            } catch {
                if Task.isCancelled { return }
                await board.note(job.itemID, error: "the video could not be saved (\(error)); run the batch again to download it")
                continue
            }
            let ownTaskID = await board.ownTask(of: job.itemID)
            await record(board) { try await ledger.recordDownloaded(job.itemID, ownTaskID: ownTaskID, output: output) }
            await board.saved(job.itemID, at: output)
        }
    }
}
