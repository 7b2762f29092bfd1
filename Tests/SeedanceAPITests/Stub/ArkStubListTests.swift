import Foundation
import SeedanceStub
import Testing

/// List and delete as the contract states them ([BP-L][BP-D]): filters, paging, the service
/// tier defaulting to `default`, `expired` not a filter value, 1 call per window, and DELETE
/// cancelling queued tasks, refusing running or cancelled ones and deleting finished ones.
@Suite struct ArkStubListTests {
    static let pro = "seedance-1-5-pro-251215"

    private static func ids(_ answer: ArkStubHarness.Answer) -> [String] {
        (answer.json["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func filtersPagingAndTheDefaultTier() async throws {
        try await ArkStubHarness.run(ArkStubConfiguration(queuedPolls: 1, runningPolls: 1, listWindow: .zero)) { ark in
            var v20: [String] = []
            for _ in 0..<5 { v20.append(try await ark.createdID(try ArkStubHarness.body())) }
            let flex = try await ark.createdID(try ArkStubHarness.body(model: Self.pro, extra: ["service_tier": "flex"]))
            let pro = try await ark.createdID(try ArkStubHarness.body(model: Self.pro))
            // v20[0] succeeded (3 polls), v20[1] running (2 polls), the rest queued.
            for _ in 0..<3 { _ = try await ark.retrieve(v20[0]) }
            for _ in 0..<2 { _ = try await ark.retrieve(v20[1]) }

            let all = try await ark.list("page_num=1&page_size=500")
            #expect(all.status == 200)
            #expect(all.json["total"] as? Int == 6)
            #expect(Set(Self.ids(all)) == Set(v20 + [pro]))
            let flexOnly = try await ark.list("page_num=1&page_size=10&filter.service_tier=flex")
            #expect(Self.ids(flexOnly) == [flex])
            let model = try await ark.list("page_num=1&page_size=10&filter.model=\(Self.pro)")
            #expect(Self.ids(model) == [pro])
            let queued = try await ark.list("page_num=1&page_size=10&filter.status=queued&filter.model=\(ArkStubHarness.v20)")
            #expect(Set(Self.ids(queued)) == Set(v20[2...]))
            #expect(Self.ids(try await ark.list("page_num=1&page_size=10&filter.status=running")) == [v20[1]])
            let succeeded = try await ark.list("page_num=1&page_size=10&filter.status=succeeded")
            #expect(Self.ids(succeeded) == [v20[0]])
            let item = try #require((succeeded.json["items"] as? [[String: Any]])?.first)
            #expect((item["usage"] as? [String: Any])?["completion_tokens"] as? Int == 108_900)
            let byID = try await ark.list("page_num=1&page_size=10&filter.task_ids=\(v20[3])&filter.task_ids=\(pro)")
            #expect(Set(Self.ids(byID)) == [v20[3], pro])
            // Paging: total counts every match, pages do not overlap, past the end is empty.
            let first = try await ark.list("page_num=1&page_size=4")
            let second = try await ark.list("page_num=2&page_size=4")
            #expect(first.json["total"] as? Int == 6)
            #expect(second.json["total"] as? Int == 6)
            #expect(Self.ids(first).count == 4)
            #expect(Self.ids(second).count == 2)
            #expect(Set(Self.ids(first) + Self.ids(second)) == Set(v20 + [pro]))
            #expect(Self.ids(try await ark.list("page_num=3&page_size=4")).isEmpty)
            // Listing never advances a task.
            #expect(ark.stub.arkTaskStatus(v20[2]) == "queued")
        }
    }

    @Test(arguments: [
        ("page_size=10", "MissingParameter", "page_num"), ("page_num=1", "MissingParameter", "page_size"),
        ("page_num=0&page_size=10", "InvalidParameter", "page_num"), ("page_num=1&page_size=501", "InvalidParameter", "page_size"),
        ("page_num=1&page_size=10&filter.status=expired", "InvalidParameter", "filter.status"),
        ("page_num=1&page_size=10&filter.service_tier=scale", "InvalidParameter", "filter.service_tier"),
        ("page_num=1&page_size=10&filter.taskids=a", "InvalidParameter", "filter.taskids"),
    ])
    func badQueries(query: String, code: String, param: String) async throws {
        try await ArkStubHarness.run { ark in
            let answer = try await ark.list(query)
            #expect(answer.status == 400)
            #expect(answer.errorCode == code)
            #expect(answer.errorParam == param)
        }
    }

    /// One List call per window; the window is an hour here so nothing depends on timing.
    @Test func listIsLimitedToOneCallPerWindow() async throws {
        try await ArkStubHarness.run(ArkStubConfiguration(listWindow: .seconds(3600))) { ark in
            #expect(try await ark.list("page_num=1&page_size=10").status == 200)
            let second = try await ark.list("page_num=1&page_size=10")
            #expect(second.status == 429)
            #expect(second.errorCode == "RateLimitExceeded.EndpointRPMExceeded")
            #expect(ark.stub.arkListCount == 2)
            ark.stub.updateArk { $0.listWindow = .zero }
            #expect(try await ark.list("page_num=1&page_size=10").status == 200)
        }
    }

    @Test func deleteCancelsQueuedRefusesRunningAndDeletesFinished() async throws {
        try await ArkStubHarness.run(
            ArkStubConfiguration(queuedPolls: 1, runningPolls: 1, listWindow: .zero, faults: ArkStubFaults(expiry: .promptContains("EXPIRE")))
        ) { ark in
            let queued = try await ark.createdID(try ArkStubHarness.body())
            let running = try await ark.createdID(try ArkStubHarness.body())
            let done = try await ark.createdID(try ArkStubHarness.body())
            let expired = try await ark.createdID(try ArkStubHarness.body(prompt: "EXPIRE"))
            for _ in 0..<2 { _ = try await ark.retrieve(running) }
            #expect(try await ark.poll(done).json["status"] as? String == "succeeded")
            #expect(try await ark.poll(expired).json["status"] as? String == "expired")

            let cancel = try await ark.delete(queued)
            #expect(cancel.status == 200)
            #expect(try await ark.retrieve(queued).json["status"] as? String == "cancelled")
            #expect(Self.ids(try await ark.list("page_num=1&page_size=10&filter.status=cancelled")) == [queued])
            for id in [queued, running] {
                let refused = try await ark.delete(id)
                #expect(refused.status == 400)
                #expect(refused.errorCode == "InvalidParameter")
            }
            #expect(ark.stub.arkTaskStatus(running) == "running")
            for id in [done, expired] {
                #expect(try await ark.delete(id).status == 200)
                #expect(try await ark.retrieve(id).status == 404)
                #expect(try await ark.delete(id).status == 404)
            }
            #expect(Set(Self.ids(try await ark.list("page_num=1&page_size=10"))) == [queued, running])
            #expect(ark.stub.arkTaskCount == 2)
        }
    }

    /// With sparse bodies, queued and running answers carry only what [BP-T]'s callback shows.
    @Test func sparseUnfinishedBodies() async throws {
        try await ArkStubHarness.run(ArkStubConfiguration(queuedPolls: 1, runningPolls: 1, listWindow: .zero, sparseUnfinishedBodies: true)) {
            ark in
            let id = try await ark.createdID(try ArkStubHarness.body())
            let queued = try await ark.retrieve(id).json
            #expect(Set(queued.keys) == ["id", "model", "status", "created_at", "updated_at", "service_tier", "execution_expires_after"])
            #expect(try await ark.poll(id).json["ratio"] as? String == "16:9")
        }
    }
}
