import Foundation
import SeedanceAPI
import SeedanceStub
import Testing

/// Polling and downloading over real HTTP against the stand-in.
@Suite struct TaskIntegrationTests {
    @Test func happyPathWithLastFrameSubmitsPollsAndDownloads() async throws {
        try await StubHarness.run(taskDuration: .milliseconds(800)) { harness in
            let submission = try await harness.client.submit(StubHarness.request, inputs: harness.inputs, store: harness.store)
            let seen = Locked<[TaskStatus]>([])
            let outcome = try await harness.poller.wait(for: submission.taskID, timeout: .seconds(10)) { result in
                seen.withValue { $0.append(result.status) }
            }
            guard case .finished(let result) = outcome else {
                Issue.record("got \(outcome)")
                return
            }
            #expect(result.status == .succeeded)
            // Every answer is reported; how many arrive before the end depends on machine load.
            #expect(seen.current.last == .succeeded)
            let destination = harness.directory.appendingPathComponent("out.mp4")
            try await harness.client.downloadVideo(of: result, to: destination)
            let video = try Data(contentsOf: destination)
            #expect(video.dropFirst(4).starts(with: Data("ftyp".utf8)))
            try await harness.store.recordResult(taskID: result.taskID, status: result.status, reason: nil, outputPath: destination.path, at: Date())
            let entry = try #require(try await harness.store.records(matching: .all).first)
            #expect(entry.state == .succeeded)
            #expect(entry.providerStatus == TaskStatus.succeeded.rawValue)
            #expect(entry.outputPath == destination.path)
            #expect(entry.intentID == submission.intentID)
            #expect(harness.stub.postCount == 1)
            let body = try #require(harness.stub.requests.first { $0.method == "POST" }?.body)
            let object = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
            #expect(Set(object.keys) == ["image", "last_image", "prompt", "duration"])
        }
    }

    @Test func failedTaskSurfacesTheReasonAndLeavesNoVideo() async throws {
        try await StubHarness.run { harness in
            harness.stub.setTaskFailure(reason: "content moderation: refused")
            let submission = try await harness.client.submit(StubHarness.request)
            let outcome = try await harness.poller.wait(for: submission.taskID, timeout: .seconds(10))
            guard case .finished(let result) = outcome else {
                Issue.record("got \(outcome)")
                return
            }
            #expect(result.status == .failed)
            #expect(result.reason == "content moderation: refused")
            await #expect(throws: SeedanceError.self) {
                try await harness.client.downloadVideo(of: result, to: harness.directory.appendingPathComponent("out.mp4"))
            }
            // Nothing but the state store's folder: no video, no temporary file.
            #expect(try FileManager.default.contentsOfDirectory(atPath: harness.directory.path) == ["state"])
            #expect(harness.stub.postCount == 1)
        }
    }

    @Test func serverErrorOnAPollIsRetried() async throws {
        try await StubHarness.run { harness in
            let submission = try await harness.client.submit(StubHarness.request)
            harness.stub.inject(.error(status: 500, reason: "GET_RESULT_FAILED"), on: .taskResult)
            harness.stub.inject(.dropConnection, on: .taskResult)
            let outcome = try await harness.poller.wait(for: submission.taskID, timeout: .seconds(10))
            guard case .finished(let result) = outcome else {
                Issue.record("got \(outcome)")
                return
            }
            #expect(result.status == .succeeded)
            #expect(harness.stub.postCount == 1)
        }
    }

    @Test func expiredDownloadURLIsRefreshedOnce() async throws {
        try await StubHarness.run(taskDuration: .zero) { harness in
            let submission = try await harness.client.submit(StubHarness.request)
            let result = try await harness.client.task(id: submission.taskID)
            harness.stub.inject(.error(status: 403, reason: "AccessDenied"), on: .download)
            let destination = harness.directory.appendingPathComponent("out.mp4")
            try await harness.client.downloadVideo(of: result, to: destination)
            #expect(FileManager.default.fileExists(atPath: destination.path))
            let taskResultCalls = harness.stub.requests.filter { $0.uri.hasPrefix("/v3/async/task-result") }.count
            #expect(taskResultCalls == 2)
            #expect(harness.stub.requests.filter { $0.uri.hasPrefix("/files/") }.allSatisfy { $0.header("Authorization") == nil })
            #expect(harness.stub.postCount == 1)
        }
    }

    @Test func downloadRefusesToOverwriteWithoutForce() async throws {
        try await StubHarness.run(taskDuration: .zero) { harness in
            let submission = try await harness.client.submit(StubHarness.request)
            let result = try await harness.client.task(id: submission.taskID)
            let destination = harness.directory.appendingPathComponent("out.mp4")
            try Data("keep me".utf8).write(to: destination)
            do {
                try await harness.client.downloadVideo(of: result, to: destination)
                Issue.record("overwrote without force")
            } catch let error as SeedanceError {
                #expect(error.kind == .outputExists)
            }
            #expect(try Data(contentsOf: destination) == Data("keep me".utf8))
            try await harness.client.downloadVideo(of: result, to: destination, force: true)
            #expect(try Data(contentsOf: destination) != Data("keep me".utf8))
            #expect(harness.stub.postCount == 1)
        }
    }

    @Test func malformedTaskResultIsAClearError() async throws {
        try await StubHarness.run { harness in
            let submission = try await harness.client.submit(StubHarness.request)
            harness.stub.inject(.malformedJSON, on: .taskResult)
            do {
                _ = try await harness.client.task(id: submission.taskID)
                Issue.record("decoded malformed JSON")
            } catch let error as SeedanceError {
                #expect(error.kind == .malformedResponse)
                #expect(error.message.contains("not the expected JSON"))
            }
            #expect(harness.stub.postCount == 1)
        }
    }

    @Test func unknownTaskIsTaskNotFound() async throws {
        try await StubHarness.run { harness in
            do {
                _ = try await harness.client.task(id: "nope")
                Issue.record("found a task that does not exist")
            } catch let error as SeedanceError {
                guard case .provider(let provider) = error.kind else {
                    Issue.record("got \(error)")
                    return
                }
                #expect(provider.kind == .taskNotFound)
            }
            #expect(harness.stub.postCount == 0)
        }
    }

    /// The stand-in's clock stands still: the task runs however long the poller takes.
    @Test func deadlinePassesWhileTheTaskRuns() async throws {
        try await StubHarness.run(taskDuration: .seconds(30), clock: .manual()) { harness in
            let submission = try await harness.client.submit(StubHarness.request)
            let outcome = try await harness.poller.wait(for: submission.taskID, timeout: .milliseconds(100))
            guard case .deadlineReached(let last) = outcome else {
                Issue.record("got \(outcome)")
                return
            }
            #expect(last?.status.isFinished == false)
            #expect(harness.stub.postCount == 1)
        }
    }
}
