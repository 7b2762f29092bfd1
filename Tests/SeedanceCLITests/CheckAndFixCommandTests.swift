import Foundation
import Testing

@Suite struct CheckAndFixCommandTests {
    static let exitCases: [(arguments: [String], status: Int32)] = [
        (["check", "good-first.jpg", "--last", "good-last.jpg"], Int32(0)),
        (["check", "bad-first-sideways.jpg", "--last", "bad-last-panorama.png"], 1),
        (["check", "random-bytes.bin"], 2),
        (["check", "empty.jpg"], 2),
        (["check", "refused.svg"], 2),
        (["check", "refused.heic"], 1),
        (["check", "does-not-exist.jpg"], 2),
    ]

    @Test(arguments: exitCases)
    func checkExitCodes(arguments: [String], status: Int32) async throws {
        let resolved = arguments.map { $0.contains(".") ? TestPaths.fixture($0) : $0 }
        let result = try await CommandRunner.run(resolved)
        #expect(result.status == status, "\(result.stderr)")
        #expect(result.stdout.isEmpty, "human output goes to stderr")
        if status == 2 { #expect(!result.stderr.isEmpty) }
    }

    @Test func usageErrorsExit64() async throws {
        #expect(try await CommandRunner.run(["check"]).status == 64)
        #expect(try await CommandRunner.run(["fix", TestPaths.fixture("good-first.jpg")]).status == 64, "--output-dir is required")
        #expect(try await CommandRunner.run(["check", TestPaths.fixture("good-first.jpg"), "--crop", "sideways"]).status == 64)
    }

    @Test func manyFirstFramesAreCheckedInOneProcess() async throws {
        let names = ["good-first.jpg", "accepted.png", "orientation-6.jpg", "accepted.webp"]
        let result = try await CommandRunner.run(["check", "--json"] + names.map(TestPaths.fixture))
        #expect(result.status == 1, "orientation-6 needs a fix")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let images = try #require(document["images"] as? [[String: Any]])
        #expect(images.map { ($0["source"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } } == names)
        let withLast = try await CommandRunner.run([
            "check", TestPaths.fixture("good-first.jpg"), TestPaths.fixture("accepted.png"),
            "--last", TestPaths.fixture("good-last.jpg"),
        ])
        #expect(withLast.status == 64)
    }

    @Test func checkJSONIsOneDocumentWithRuleIDs() async throws {
        let result = try await CommandRunner.run([
            "check", TestPaths.fixture("bad-first-sideways.jpg"), "--last",
            TestPaths.fixture("bad-last-panorama.png"), "--json", "--strict",
        ])
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["ok"] as? Bool == false)
        let images = try #require(document["images"] as? [[String: Any]])
        #expect(images.count == 2)
        let rules = images.flatMap { ($0["violations"] as? [[String: Any]] ?? []).compactMap { $0["rule"] as? String } }
        #expect(Set(rules) == ["orientation", "aspect_ratio", "last_frame_aspect"])
        #expect((images[0]["fix"] as? [String])?.first?.hasPrefix("autorotate") == true)
        // The library gives the typed remedy; the command line phrases it with its flag.
        let aspect = try #require((images[1]["violations"] as? [[String: Any]])?.first { $0["rule"] as? String == "aspect_ratio" })
        #expect(aspect["remedy"] as? String == "pad_instead_of_crop")
        #expect((aspect["message"] as? String)?.contains("--pad") == true, "\(aspect)")
        let human = try await CommandRunner.run(["check", TestPaths.fixture("bad-last-panorama.png")])
        #expect(human.stderr.contains("--pad pads instead of cropping"), "\(human.stderr)")
    }

    @Test func fixWritesAtomicallyAndNeverTouchesOriginals() async throws {
        try await withScratchFolder("cli") { folder in
            let source = TestPaths.fixture("bad-first-sideways.jpg")
            let before = try Data(contentsOf: URL(fileURLWithPath: source))
            let result = try await CommandRunner.run([
                "fix", source, "--last", TestPaths.fixture("bad-last-panorama.png"),
                "--output-dir", folder.path, "--json",
            ])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: source)) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["first.jpg", "last.png"])
            let recheck = try await CommandRunner.run([
                "check", folder.appendingPathComponent("first.jpg").path, "--last",
                folder.appendingPathComponent("last.png").path, "--strict",
            ])
            #expect(recheck.status == 0, "\(recheck.stderr)")

            let failed = folder.appendingPathComponent("failed")
            let truncated = try await CommandRunner.run([
                "fix", TestPaths.fixture("good-first.jpg"), "--last",
                TestPaths.fixture("truncated.jpg"), "--output-dir", failed.path,
            ])
            #expect(truncated.status == 2)
            let failedJSON = try await CommandRunner.run(["fix", TestPaths.fixture("truncated.jpg"), "--output-dir", failed.path, "--json"])
            #expect(failedJSON.status == 2)
            let failure = try #require(try JSONSerialization.jsonObject(with: Data(failedJSON.stdout.utf8)) as? [String: Any])
            #expect(failure["ok"] as? Bool == false)
            let error = try #require(failure["error"] as? [String: Any])
            #expect(error["kind"] as? String == "corrupt_pixel_data")
            let message = try #require(error["message"] as? String)
            #expect(message.components(separatedBy: "truncated or corrupt").count == 2, "said once: \(message)")
            #expect(truncated.stderr.contains("truncated") || truncated.stderr.contains("corrupt"))
            #expect((try? FileManager.default.contentsOfDirectory(atPath: failed.path))?.isEmpty ?? true, "nothing left behind")
        }
    }

    /// An output that cannot be written is local I/O (74), not an unusable input, and leaves nothing.
    @Test func anUnwritableOutputExits74AndLeavesNothing() async throws {
        try await withScratchFolder("cli-unwritable") { folder in
            // A folder where last.png should go: the rename fails even for root.
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("last.png"), withIntermediateDirectories: false)
            let result = try await CommandRunner.run([
                "fix", TestPaths.fixture("bad-first-sideways.jpg"), "--last",
                TestPaths.fixture("bad-last-panorama.png"), "--output-dir", folder.path,
            ])
            #expect(result.status == 74, "\(result.stderr)")
            #expect(result.stderr.contains("last.png"), "\(result.stderr)")
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["last.png"], "first.jpg removed again, no temporary file left")
        }
    }

    @Test func urlInputsAreFetchedOverLoopbackOnlyWhenAllowed() async throws {
        try await FixtureServer.with(serving: TestPaths.fixtures) { server in
            try await Self.checkLoopbackURL(server.url("/good-first.jpg").absoluteString)
            // Refused before connecting: only the allowed run reached the server.
            #expect(server.requests(to: "/good-first.jpg") == 1)
        }
    }

    private static func checkLoopbackURL(_ url: String) async throws {
        let refused = try await CommandRunner.run(["check", url])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("loopback"))
        let allowed = try await CommandRunner.run(["check", url, "--allow-private-urls", "--json"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.stdout.contains("\"width\" : 960"))
        #expect(try await CommandRunner.run(["check", "file:///etc/passwd"]).status == 2)
    }
}
