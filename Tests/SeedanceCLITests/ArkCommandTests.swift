import Foundation
import SeedanceStub
import Testing

/// `seedance` with `--provider byteplus` against the stand-in's Ark mode on loopback: the same
/// frame pipeline, Ark's body, the store's record of the provider, and the reads that follow it.
@Suite struct ArkCommandTests {
    static let key = "ark-cli-test-key-5e6f7a8b9c0d"

    /// Only Ark's key: a command that fell back to novita would stop at its missing key (exit 64).
    static func environment(_ stub: SeedanceStub, state: URL) -> [String: String] {
        ["ARK_API_KEY": key, "ARK_BASE_URL": stub.arkBaseURL.absoluteString, "XDG_STATE_HOME": state.path]
    }

    /// A stand-in with Ark's key and `faults`, and a scratch folder, both gone afterwards.
    static func with(_ faults: ArkStubFaults = ArkStubFaults(), _ body: (SeedanceStub, URL) async throws -> Void) async throws {
        let configuration = StubConfiguration(
            apiKey: "novita-key-unused", taskDuration: .milliseconds(50),
            ark: ArkStubConfiguration(apiKey: key, listWindow: .zero, faults: faults))
        try await SeedanceStub.with(configuration) { stub in
            try await withScratchFolder("ark-cli") { folder in try await body(stub, folder) }
        }
    }

    @Test func submitStatusWaitAndTasksFollowTheProvider() async throws {
        try await Self.with { stub, folder in
            let env = Self.environment(stub, state: folder.appendingPathComponent("state"))
            let submitted = try await CommandRunner.run(
                [
                    "submit", TestPaths.fixture("bad-first-sideways.jpg"), "--last", TestPaths.fixture("bad-last-panorama.png"),
                    "--provider", "byteplus", "--model", "seedance-2.0", "--prompt", "a slow pan", "--duration", "5", "--return-last-frame", "--json",
                ], environment: env)
            #expect(submitted.status == 0, "\(submitted.stderr)")
            #expect(stub.arkCreateCount == 1 && stub.arkTaskCount == 1, "the stub judged the fixed frames and the body by its own rules")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(submitted.stdout.utf8)) as? [String: Any])
            let taskID = try #require(document["task_id"] as? String)
            let sent = try #require(stub.arkRequests.first { $0.method == "POST" })
            let body = try #require(try JSONSerialization.jsonObject(with: sent.body) as? [String: Any])
            #expect(body["model"] as? String == "dreamina-seedance-2-0-260128")
            let roles = (body["content"] as? [[String: Any]] ?? []).compactMap { $0["role"] as? String }
            #expect(roles == ["first_frame", "last_frame"])

            // No --provider: the store says where the task lives.
            let status = try await CommandRunner.run(["status", taskID, "--json"], environment: env)
            #expect(status.status == 0, "\(status.stderr)")
            let video = folder.appendingPathComponent("video.mp4")
            let waited = try await CommandRunner.run(["wait", taskID, "--output", video.path], environment: env)
            #expect(waited.status == 0, "\(waited.stderr)")
            let bytes = try Data(contentsOf: video)
            #expect(bytes.count > 8 && String(decoding: bytes[4..<8], as: UTF8.self) == "ftyp")
            // Asked for with --return-last-frame: the PNG beside the video, NAME.last.png.
            let lastFrame = try Data(contentsOf: folder.appendingPathComponent("video.last.png"))
            #expect(Array(lastFrame.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            #expect(waited.stderr.contains("last frame saved to"))

            let tasks = try await CommandRunner.run(["tasks", "--json"], environment: env)
            let listing = try #require(try JSONSerialization.jsonObject(with: Data(tasks.stdout.utf8)) as? [String: Any])
            let record = try #require((listing["tasks"] as? [[String: Any]])?.first)
            #expect(record["provider"] as? String == "byteplus")
            #expect(record["creation"] as? String == "created")
            #expect(record["state"] as? String == "succeeded")
            // The bill's number: the stub's usage for 720p 16:9, 5 s (1280×720×121/1024 = 108,900
            // tokens) at BytePlus's USD 7.0 per million for seedance-2.0.
            #expect(abs((record["cost_usd"] as? Double ?? 0) - 0.7623) < 0.0001, "\(record)")
            #expect(record["cost_basis"] as? String == "usage")
            // --provider narrows the listing to the records sent there.
            for (provider, count) in [("byteplus", 1), ("novita", 0)] {
                let narrowed = try await CommandRunner.run(["tasks", "--provider", provider, "--json"], environment: env)
                let document = try #require(try JSONSerialization.jsonObject(with: Data(narrowed.stdout.utf8)) as? [String: Any])
                #expect((document["tasks"] as? [Any])?.count == count, "\(provider)")
            }
            let everything = [submitted, status, waited, tasks].map { $0.stdout + $0.stderr }.joined()
            #expect(!everything.contains(Self.key))
        }
    }

    /// A realistic face refused at create: the item fails with why, nothing was created or charged.
    @Test func aFaceRefusedAtCreateSaysWhyAndRecordsNothingCreated() async throws {
        try await Self.with(ArkStubFaults(faceRefusal: .every(1))) { stub, folder in
            let env = Self.environment(stub, state: folder.appendingPathComponent("state"))
            let submitted = try await CommandRunner.run(
                ["submit", TestPaths.fixture("good-first.jpg"), "--provider", "byteplus", "--model", "seedance-2.0", "--prompt", "a portrait"],
                environment: env)
            #expect(submitted.status == 3, "\(submitted.stderr)")
            #expect(submitted.stderr.contains("InputImageSensitiveContentDetected"))
            #expect(submitted.stderr.contains("moderation"))
            #expect(stub.arkCreateCount == 1 && stub.arkTaskCount == 0)
            let tasks = try await CommandRunner.run(["tasks", "--json"], environment: env)
            let listing = try #require(try JSONSerialization.jsonObject(with: Data(tasks.stdout.utf8)) as? [String: Any])
            let record = try #require((listing["tasks"] as? [[String: Any]])?.first)
            #expect(record["creation"] as? String == "refused")
            #expect(record["provider"] as? String == "byteplus")
        }
    }

    @Test func aFamilyTheProviderDoesNotServeIsExit64NamingThoseThatDo() async throws {
        let refused = try await withScratchFolder("ark-family") { folder in
            try await CommandRunner.run(
                ["submit", TestPaths.fixture("good-first.jpg"), "--model", "seedance-2.5", "--prompt", "x"],
                environment: ["XDG_STATE_HOME": folder.path, "NOVITA_API_KEY": "sk-unused-0000000000"])
        }
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("byteplus") && refused.stderr.contains("volcengine"))
    }
}
