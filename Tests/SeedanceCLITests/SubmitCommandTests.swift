import Foundation
import SeedanceStub
import Testing

/// `seedance submit` against the stand-in on loopback: real HTTP, real frames, real state store.
@Suite struct SubmitCommandTests {
    static let key = "sk-cli-test-4f1b2c9d8e7a6b5c"

    func environment(_ stub: SeedanceStub, state: URL) -> [String: String] {
        ["NOVITA_API_KEY": Self.key, "SEEDANCE_BASE_URL": stub.baseURL.absoluteString, "XDG_STATE_HOME": state.path]
    }

    @Test func submitWaitAndDownloadWithoutLeakingTheKey() async throws {
        try await SeedanceStub.with(
            StubConfiguration(
                apiKey: Self.key, taskDuration: .milliseconds(300),
                imageValidator: FrameRulesValidator.validate)
        ) { stub in
            try await withScratchFolder("cli") { folder in
                let video = folder.appendingPathComponent("video.mp4")
                let env = environment(stub, state: folder.appendingPathComponent("state"))
                let submitted = try await CommandRunner.run(
                    [
                        "submit", TestPaths.fixture("bad-first-sideways.jpg"), "--last",
                        TestPaths.fixture("bad-last-panorama.png"), "--prompt", "a slow pan",
                        "--duration", "5", "--json",
                    ], environment: env)
                #expect(submitted.status == 0, "\(submitted.stderr)")
                #expect(stub.postCount == 1, "the stub judged the fixed frames compliant and took one task")
                let document = try #require(try JSONSerialization.jsonObject(with: Data(submitted.stdout.utf8)) as? [String: Any])
                let taskID = try #require(document["task_id"] as? String)

                let waited = try await CommandRunner.run(["wait", taskID, "--output", video.path], environment: env)
                #expect(waited.status == 0, "\(waited.stderr)")
                let bytes = try Data(contentsOf: video)
                #expect(bytes.count > 8 && String(decoding: bytes[4..<8], as: UTF8.self) == "ftyp")

                let tasks = try await CommandRunner.run(["tasks", "--json"], environment: env)
                #expect(tasks.stdout.contains(taskID))
                var everything = submitted.stdout + submitted.stderr + waited.stdout + waited.stderr + tasks.stdout + tasks.stderr
                let journal = folder.appendingPathComponent("state/seedance")
                for name in try FileManager.default.contentsOfDirectory(atPath: journal.path) {
                    everything += String(decoding: try Data(contentsOf: journal.appendingPathComponent(name)), as: UTF8.self)
                }
                #expect(everything.contains(taskID), "the haystack is real")
                #expect(!everything.contains(Self.key), "the API key leaked")
            }
        }
    }

    @Test func invalidFieldsAndNonCompliantFramesSendNothing() async throws {
        try await SeedanceStub.with(StubConfiguration(apiKey: Self.key, imageValidator: FrameRulesValidator.validate)) { stub in
            try await withScratchFolder("cli") { folder in
                let env = environment(stub, state: folder)
                let first = TestPaths.fixture("good-first.jpg")
                let duration = try await CommandRunner.run(["submit", first, "--prompt", "x", "--duration", "3"], environment: env)
                #expect(duration.status == 64)
                #expect(duration.stderr.contains("duration"))
                let fps = try await CommandRunner.run(["submit", first, "--prompt", "x", "--fps", "30"], environment: env)
                #expect(fps.status == 64)
                let noFix = try await CommandRunner.run(
                    ["submit", TestPaths.fixture("bad-first-sideways.jpg"), "--prompt", "x", "--no-fix"], environment: env)
                #expect(noFix.status == 1, "\(noFix.stderr)")
                #expect(noFix.stderr.contains("orientation"))
                let unusable = try await CommandRunner.run(["submit", TestPaths.fixture("random-bytes.bin"), "--prompt", "x"], environment: env)
                #expect(unusable.status == 2)
                let noKey = try await CommandRunner.run(
                    ["submit", first, "--prompt", "x"],
                    environment: ["SEEDANCE_BASE_URL": stub.baseURL.absoluteString, "XDG_STATE_HOME": folder.path])
                #expect(noKey.status == 64)
                #expect(noKey.stderr.contains("NOVITA_API_KEY"))
                let bodyFile = folder.appendingPathComponent("body.json")
                let dry = try await CommandRunner.run(
                    ["submit", first, "--prompt", "x", "--dry-run", "--request-out", bodyFile.path], environment: env)
                #expect(dry.status == 0, "\(dry.stderr)")
                let body = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: bodyFile)) as? [String: Any])
                #expect((body["image"] as? String)?.hasPrefix("data:image/jpeg;base64,") == true)
                #expect(Set(body.keys) == ["image", "prompt"], "unset fields are omitted")
                let long = try await CommandRunner.run(
                    ["submit", first, "--prompt", String(repeating: "a", count: 501), "--dry-run"], environment: env)
                #expect(long.status == 0, "a long prompt is warned about, not refused")
                #expect(long.stderr.contains("warning") && long.stderr.contains("500"))
                #expect(stub.postCount == 0)
            }
        }
    }

    /// The body streams to the stand-in (chunked base64, known length), at the model's endpoint.
    @Test func secondModelIsSubmittedAtItsEndpointWithAStreamedBody() async throws {
        try await SeedanceStub.with(StubConfiguration(apiKey: Self.key, imageValidator: FrameRulesValidator.validate)) { stub in
            try await withScratchFolder("cli") { folder in
                let env = environment(stub, state: folder)
                let bodyFile = folder.appendingPathComponent("body.json")
                let arguments = [
                    TestPaths.fixture("good-first.jpg"), "--last", TestPaths.fixture("good-last.jpg"),
                    "--model", "seedance-2.0", "--duration", "15", "--prompt", "a slow pan",
                ]
                let dry = try await CommandRunner.run(["submit"] + arguments + ["--dry-run", "--request-out", bodyFile.path], environment: env)
                #expect(dry.status == 0, "\(dry.stderr)")
                let submitted = try await CommandRunner.run(["submit"] + arguments, environment: env)
                #expect(submitted.status == 0, "\(submitted.stderr)")
                let request = try #require(stub.requests.last { $0.method == "POST" })
                #expect(request.uri == "/v3/async/seedance-2.0")
                #expect(request.body == (try Data(contentsOf: bodyFile)), "--dry-run --request-out writes the bytes that are sent")
                let body = try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
                #expect(body["duration"] as? Int == 15)
                let image = try #require(body["image"] as? String)
                let sent = Data(base64Encoded: String(image.dropFirst("data:image/jpeg;base64,".count)))
                #expect(
                    sent == (try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture("good-first.jpg")))),
                    "a compliant frame is sent byte for byte")
            }
        }
    }
}
