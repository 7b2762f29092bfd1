import Foundation
import SeedanceStub
import Testing

/// `seedance batch` before anything is sent: the dry run, and manifests that must send nothing.
/// Each runs the real binary against the in-process stand-in, whose POST count proves it.
@Suite struct BatchPlanCommandTests {
    static let key = "sk-batch-plan-7c1e2a9b3d4f5e6a"

    struct Setup {
        let stub: SeedanceStub
        let folder: URL
        var environment: [String: String] {
            [
                "NOVITA_API_KEY": BatchPlanCommandTests.key, "SEEDANCE_BASE_URL": stub.baseURL.absoluteString,
                "XDG_STATE_HOME": folder.appendingPathComponent("state").path,
            ]
        }
        var output: String { folder.appendingPathComponent("videos").path }
    }

    func withSetup(_ body: (Setup) async throws -> Void) async throws {
        try await SeedanceStub.with(StubConfiguration(apiKey: Self.key, imageValidator: FrameRulesValidator.validate)) { stub in
            try await withScratchFolder("batch-plan") { folder in
                try await body(Setup(stub: stub, folder: folder))
            }
        }
    }

    @Test func dryRunSendsNothingAndPrintsEveryPlanAndTheTotal() async throws {
        try await withSetup { setup in
            let manifest = try BatchManifestFixtures.write(BatchManifestFixtures.lines(4), to: setup.folder)
            // No API key: a dry run needs none.
            var environment = setup.environment
            environment["NOVITA_API_KEY"] = nil
            let result = try await CommandRunner.run(
                ["batch", manifest, "--output-dir", setup.output, "--dry-run", "--resolution", "480p"],
                environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(setup.stub.postCount == 0)
            for index in 1...4 { #expect(result.stdout.contains("(id shot-\(index))")) }
            #expect(result.stdout.contains("fix would:"), "the sideways frame needs a fix")
            #expect(result.stdout.contains("resolution=480p"), "the command line's default reached the request")
            #expect(result.stdout.contains("total for 4 item(s): ≈ USD"))
            #expect(result.stdout.contains("(estimate)"))
            #expect(!FileManager.default.fileExists(atPath: setup.output), "nothing was downloaded")

            let json = try await CommandRunner.run(
                ["batch", manifest, "--output-dir", setup.output, "--dry-run", "--json"], environment: environment)
            #expect(json.status == 0, "\(json.stderr)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let items = try #require(document["items"] as? [[String: Any]])
            #expect(items.count == 4)
            let total = try #require(document["total_estimated_cost_usd"] as? Double)
            let sum = items.compactMap { $0["estimated_cost_usd"] as? Double }.reduce(0, +)
            #expect(total > 0 && abs(total - sum) < 1e-9)
            #expect(setup.stub.postCount == 0)
        }
    }

    @Test func malformedAndDuplicateLinesSendNothingUnlessSkipped() async throws {
        try await withSetup { setup in
            var lines = BatchManifestFixtures.lines(3)
            lines.append("{\"id\": \"shot-1\", \"first\": \"\(TestPaths.fixture("good-first.jpg"))\"}")
            lines.append("{\"first\": ")
            lines.append("{\"id\": \"long\", \"first\": \"\(TestPaths.fixture("good-first.jpg"))\", \"duration\": 99}")
            let manifest = try BatchManifestFixtures.write(lines, to: setup.folder)
            let result = try await CommandRunner.run(
                ["batch", manifest, "--output-dir", setup.output, "--prompt", "p"], environment: setup.environment)
            #expect(result.status == 64, "\(result.stderr)")
            #expect(result.stderr.contains("line 4"), "the duplicate id is named by line")
            #expect(result.stderr.contains("shot-1"))
            #expect(result.stderr.contains("line 5"), "the malformed line is named")
            #expect(result.stderr.contains("line 6") && result.stderr.contains("duration") && result.stderr.contains("99"))
            #expect(result.stderr.contains("nothing was sent"))
            #expect(setup.stub.postCount == 0)

            let skipped = try await CommandRunner.run(
                ["batch", manifest, "--output-dir", setup.output, "--skip-invalid", "--dry-run"],
                environment: setup.environment)
            #expect(skipped.status == 0, "\(skipped.stderr)")
            #expect(skipped.stderr.contains("skipping invalid line(s) 4, 5, 6"))
            #expect(skipped.stdout.contains("total for 3 item(s)"))
            #expect(setup.stub.postCount == 0)
        }
    }

    @Test func aMissingFileIsNamedAndNothingIsSent() async throws {
        try await withSetup { setup in
            var lines = BatchManifestFixtures.lines(2)
            lines.append("{\"id\": \"gone\", \"first\": \"no-such-frame.jpg\", \"prompt\": \"p\"}")
            let manifest = try BatchManifestFixtures.write(lines, to: setup.folder)
            let result = try await CommandRunner.run(["batch", manifest, "--output-dir", setup.output, "--json"], environment: setup.environment)
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains("line 3"))
            #expect(result.stderr.contains("no-such-frame.jpg"))
            let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let errors = try #require(document["errors"] as? [[String: Any]])
            #expect(errors.count == 1 && errors.first?["line"] as? Int == 3 && errors.first?["kind"] as? String == "unusable_frame")
            #expect(setup.stub.postCount == 0)
        }
    }
}
