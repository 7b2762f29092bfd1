import Foundation
import SeedanceAPI
import SeedanceStub
import Testing

/// The contract's misbehaviours, each on demand: a face refused at create (no task), audio
/// moderation failing a task after it ran, an answer lost after the task was created, the
/// queue full, the create RPM exceeded.
@Suite struct ArkStubFaultTests {
    @Test func aFaceIsRefusedAtCreateWithoutATask() async throws {
        try await ArkStubHarness.run(ArkStubConfiguration(listWindow: .zero, faults: ArkStubFaults(faceRefusal: .every(2)))) { ark in
            #expect(try await ark.create(try ArkStubHarness.body()).status == 200)
            let refused = try await ark.create(try ArkStubHarness.body())
            #expect(refused.status == 400)
            #expect(refused.errorCode == "InputImageSensitiveContentDetected.PrivacyInformation")
            #expect(refused.errorParam == "content[1]")
            #expect(try await ark.create(try ArkStubHarness.body()).status == 200)
            // 1.5 Pro does not moderate faces; text-only creates have no image to refuse.
            #expect(try await ark.create(try ArkStubHarness.body(model: "seedance-1-5-pro-251215")).status == 200)
            #expect(ark.stub.arkTaskCount == 3)
            #expect(ark.stub.arkCreateCount == 4)
        }
        try await ArkStubHarness.run(ArkStubConfiguration(listWindow: .zero, faults: ArkStubFaults(faceRefusal: .promptContains("[face]")))) {
            ark in
            let portrait = try await ark.create(try ArkStubHarness.body(prompt: "a portrait [face]"))
            #expect(portrait.status == 400)
            let lighthouse = try await ark.create(try ArkStubHarness.body(prompt: "a lighthouse"))
            #expect(lighthouse.status == 200)
            #expect(ark.stub.arkTaskCount == 1)
        }
    }

    @Test func audioModerationFailsTheTaskAfterItRan() async throws {
        let faults = ArkStubFaults(audioModerationFailure: .every(1))
        try await ArkStubHarness.run(ArkStubConfiguration(queuedPolls: 1, runningPolls: 1, listWindow: .zero, faults: faults)) { ark in
            let audio = try await ark.createdID(try ArkStubHarness.body())  // generate_audio defaults to true
            let silent = try await ark.createdID(try ArkStubHarness.body(extra: ["generate_audio": false]))
            var statuses: [String] = []
            for _ in 0..<3 { statuses.append(try await ark.retrieve(audio).json["status"] as? String ?? "?") }
            #expect(statuses == ["queued", "running", "failed"])
            let failed = try await ark.retrieve(audio).json
            let error = try #require(failed["error"] as? [String: Any])
            #expect(error["code"] as? String == "OutputAudioSensitiveContentDetected")
            #expect((error["message"] as? String)?.isEmpty == false)
            #expect(failed["usage"] == nil)
            #expect(failed["content"] == nil)
            let ok = try await ark.poll(silent).json
            #expect(ok["status"] as? String == "succeeded")
            #expect(ok["error"] is NSNull)
        }
    }

    @Test(arguments: [ArkLostAnswer.dropConnection, .internalServiceError])
    func anAnswerLostAfterTheTaskWasCreated(mode: ArkLostAnswer) async throws {
        let faults = ArkStubFaults(lostAnswer: .every(2), lostAnswerMode: mode)
        try await ArkStubHarness.run(ArkStubConfiguration(listWindow: .zero, faults: faults)) { ark in
            let first = try await ark.createdID(try ArkStubHarness.body())
            var lostStatus: Int?
            do {
                let answer = try await ark.create(try ArkStubHarness.body())
                lostStatus = answer.status
                if mode == .internalServiceError { #expect(answer.errorCode == "InternalServiceError") }
            } catch let error as TransportError {
                #expect(error.failure == .connectionClosed || error.failure == .other, "\(error)")
            }
            #expect(lostStatus == (mode == .dropConnection ? nil : 500))
            _ = try await ark.createdID(try ArkStubHarness.body())
            // The lost one exists all the same, and List finds it.
            #expect(ark.stub.arkTaskCount == 3)
            let listed = try await ark.list("page_num=1&page_size=10&filter.status=queued&filter.model=\(ArkStubHarness.v20)")
            #expect(listed.json["total"] as? Int == 3)
            let ids = (listed.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(ids.contains(first))
        }
    }

    @Test func theQueueIsFullBeyondItsCap() async throws {
        try await ArkStubHarness.run(ArkStubConfiguration(queuedPolls: 1, runningPolls: 1, listWindow: .zero, maxQueuedTasks: 3)) { ark in
            var ids: [String] = []
            for _ in 0..<3 { ids.append(try await ark.createdID(try ArkStubHarness.body())) }
            let full = try await ark.create(try ArkStubHarness.body())
            #expect(full.status == 429)
            #expect(full.errorCode == "QuotaExceeded")
            #expect(full.errorMessage?.hasPrefix("The request has exceeded the quota") == true)
            #expect(ark.stub.arkTaskCount == 3)
            // Running tasks do not count: once one leaves the queue there is room again.
            for _ in 0..<2 { _ = try await ark.retrieve(ids[0]) }
            #expect(ark.stub.arkTaskStatus(ids[0]) == "running")
            #expect(try await ark.create(try ArkStubHarness.body()).status == 200)
        }
        // The contract's default cap.
        #expect(ArkStubConfiguration().maxQueuedTasks == 120)
    }

    @Test func theRPMIsExceededPerModel() async throws {
        let rate = StubLimits.CreateRate(creates: 2, window: .seconds(3600))
        try await ArkStubHarness.run(ArkStubConfiguration(listWindow: .zero, createRate: rate)) { ark in
            for _ in 0..<2 { #expect(try await ark.create(try ArkStubHarness.body()).status == 200) }
            let limited = try await ark.create(try ArkStubHarness.body())
            #expect(limited.status == 429)
            #expect(limited.errorCode == "ModelAccountRpmRateLimitExceeded")
            // Another model has its own budget.
            #expect(try await ark.create(try ArkStubHarness.body(model: "dreamina-seedance-2-0-fast-260128")).status == 200)
            #expect(ark.stub.arkTaskCount == 3)
            ark.stub.updateArk { $0.createRate = nil }
            #expect(try await ark.create(try ArkStubHarness.body()).status == 200)
        }
    }
}
