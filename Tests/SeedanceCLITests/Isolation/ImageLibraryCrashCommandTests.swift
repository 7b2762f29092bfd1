import Foundation
import SeedanceAPI
import SeedanceStub
import Testing

/// A crash of the image library while a frame is prepared, in real commands: the worker preparing
/// the frame dies by a real signal (the worker's fault injection, `--inject-fault` /
/// SEEDANCE_WORKER_FAULT, like the stub's faults: it makes the timing exact), and the command
/// reports it instead of dying.
@Suite struct ImageLibraryCrashCommandTests {
    static let message = "the image library crashed on this frame: export it again as PNG or JPEG"

    /// A copy of a good frame whose name the fault matches.
    static func crashyFrame(in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("crashy-frame.jpg").path
        try FileManager.default.copyItem(atPath: TestPaths.fixture("good-first.jpg"), toPath: path)
        return path
    }

    static func seedance(_ arguments: [String], environment: [String: String] = [:]) async throws -> CommandRunner.Result {
        try await CommandRunner.run(arguments, environment: environment)
    }

    static func injected(_ stderr: String, signal: String) -> Int {
        stderr.components(separatedBy: "\n").filter { $0.contains("injected fault: \(signal) on") && $0.contains("crashy-frame.jpg") }.count
    }

    @Test(arguments: [("abort", "SIGABRT"), ("kill", "SIGKILL")])
    func aBatchGoesOnWhenTheImageLibraryCrashesOnOneFrame(fault: String, signal: String) async throws {
        let configuration = StubConfiguration(
            apiKey: BatchCommandHarness.key, taskDuration: .milliseconds(200), imageValidator: FrameRulesValidator.validate)
        try await BatchCommandHarness.with(configuration) { setup in
            let crashy = try Self.crashyFrame(in: setup.folder)
            var lines = BatchManifestFixtures.lines(4)
            lines.insert("{\"id\": \"crashy\", \"first\": \"\(crashy)\", \"prompt\": \"boom\"}", at: 2)
            let manifest = try BatchManifestFixtures.write(lines, to: setup.folder)
            let options = ["--rpm", "600", "--resolution", "480p", "--workers", "2", "--json"]
            let executable = try #require(TestPaths.executable("seedance"))
            var environment = setup.environment
            environment["SEEDANCE_WORKER_FAULT"] = "\(fault):crashy-frame"

            let first = try await ChildProcess.run(
                executable, ["batch", manifest, "--output-dir", setup.output] + options, environment: environment, timeout: 300)
            #expect(first.signal == nil && first.status == 3, "some failed, the batch itself did not: \(first.standardError.suffix(3000))")
            let items = try BatchCommandHarness.items(first)
            let failed = try #require(items["crashy"])
            #expect(failed["state"] as? String == "failed")
            let error = failed["error"] as? String ?? ""
            #expect(error.contains(Self.message) && error.contains(crashy), "\(error)")
            #expect(Self.injected(first.standardError, signal: signal) == 2, "tried once more on a fresh worker, then failed")
            #expect(setup.videos() == ["shot-1.mp4", "shot-2.mp4", "shot-3.mp4", "shot-4.mp4"], "every other item's video saved")
            #expect(setup.stub.postCount == 4 && setup.stub.taskCount == 4, "the crashed item was never sent")
            let summary = try BatchCommandHarness.document(first)
            #expect(summary["exit_code"] as? Int == 3)
            #expect(first.standardError.contains("line 3 (crashy): failed: \(crashy): \(Self.message)"), "the summary on stderr names it")

            // Its claim was given back: the next run with --retry-failed (the library healthy
            // again) prepares and sends it, once, and nothing else.
            let retried = try await setup.batch(manifest, options + ["--retry-failed"])
            #expect(retried.status == 0, "\(retried.standardError.suffix(3000))")
            #expect(try BatchCommandHarness.items(retried)["crashy"]?["state"] as? String == "downloaded")
            #expect(setup.stub.postCount == 5 && setup.stub.taskCount == 5, "one more create: the crashed item's, no second payment")
            #expect(setup.videos().contains("crashy.mp4"))
        }
    }

    @Test(arguments: [("abort", "SIGABRT"), ("kill", "SIGKILL")])
    func fixReportsTheCrashAsAnUnusableInputAndWritesNothing(fault: String, signal: String) async throws {
        try await withScratchFolder("fix-crash") { folder in
            let crashy = try Self.crashyFrame(in: folder)
            let output = folder.appendingPathComponent("out")
            let result = try await Self.seedance(
                ["fix", TestPaths.fixture("bad-first-sideways.jpg"), "--last", crashy, "--output-dir", output.path],
                environment: ["SEEDANCE_WORKER_FAULT": "\(fault):crashy-frame"])
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.contains("seedance fix: \(crashy): \(Self.message)"), "\(result.stderr)")
            #expect(Self.injected(result.stderr, signal: signal) == 2)
            #expect(!FileManager.default.fileExists(atPath: output.path), "nothing written, not even the first frame")

            let json = try await Self.seedance(
                ["fix", crashy, "--output-dir", output.path, "--json"],
                environment: ["SEEDANCE_WORKER_FAULT": "\(fault):crashy-frame"])
            #expect(json.status == 2)
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let error = try #require(document["error"] as? [String: Any])
            #expect(error["kind"] as? String == "image_library_crashed")
        }
    }

    @Test func submitAndPreviewSendAndWriteNothingWhenTheImageLibraryCrashes() async throws {
        try await SeedanceStub.with(StubConfiguration(apiKey: BatchCommandHarness.key, imageValidator: FrameRulesValidator.validate)) { stub in
            try await withScratchFolder("submit-crash") { folder in
                let crashy = try Self.crashyFrame(in: folder)
                let environment = [
                    "NOVITA_API_KEY": BatchCommandHarness.key, "SEEDANCE_BASE_URL": stub.baseURL.absoluteString,
                    "XDG_STATE_HOME": folder.appendingPathComponent("state").path, "SEEDANCE_WORKER_FAULT": "segv:crashy-frame",
                ]
                let submitted = try await Self.seedance(["submit", crashy, "--prompt", "boom"], environment: environment)
                #expect(submitted.status == 2, "\(submitted.stderr)")
                #expect(submitted.stderr.contains("\(crashy): \(Self.message)"), "\(submitted.stderr)")
                #expect(stub.postCount == 0, "nothing sent")

                let sheet = folder.appendingPathComponent("sheet.png")
                for arguments in [["preview", crashy, "-o", sheet.path], ["check", crashy, "--preview", sheet.path]] {
                    let previewed = try await Self.seedance(arguments, environment: environment)
                    #expect(previewed.status == 2, "\(arguments[0]): \(previewed.stderr)")
                    #expect(previewed.stderr.contains("\(crashy): \(Self.message)"), "\(previewed.stderr)")
                    #expect(!FileManager.default.fileExists(atPath: sheet.path))
                }
            }
        }
    }

    /// Without the fault the same commands succeed through the same workers: the tests above
    /// fail for the crash, not for the worker path.
    @Test func fixThroughWorkersEqualsFixInProcess() async throws {
        try await withScratchFolder("fix-contained") { folder in
            var outputs: [Data] = []
            for mode in ["contained", "in-process"] {
                let output = folder.appendingPathComponent(mode)
                let result = try await Self.seedance(
                    ["fix", TestPaths.fixture("bad-first-sideways.jpg"), "--output-dir", output.path],
                    environment: ["SEEDANCE_FRAME_ISOLATION": mode])
                #expect(result.status == 0, "\(result.stderr)")
                let files = try FileManager.default.contentsOfDirectory(atPath: output.path)
                outputs.append(try Data(contentsOf: output.appendingPathComponent(try #require(files.first))))
            }
            #expect(outputs.count == 2 && outputs[0] == outputs[1])
        }
    }

    /// Many `fix` processes at once over hostile inputs (scripts/make-hostile-corpus.py), each
    /// through its worker: every one ends with 0 or 2 within its time, none by a signal, and a
    /// refused input leaves no output behind.
    @Test func manyConcurrentFixesOfHostileInputsComplete() async throws {
        try await withScratchFolder("fix-stress") { folder in
            let corpus = folder.appendingPathComponent("corpus")
            let script = TestPaths.repositoryRoot.appendingPathComponent("scripts/make-hostile-corpus.py").path
            let generated = try await ChildProcess.runFromPath("python3", [script, corpus.path], timeout: 120)
            try #require(generated.status == 0, "\(generated.standardError)")
            let files = try FileManager.default.contentsOfDirectory(atPath: corpus.path).filter { !$0.hasSuffix(".uri.txt") }.sorted()
            // Every fourth file: a spread of every kind, bounded in time.
            let chosen = stride(from: 0, to: files.count, by: 4).map { files[$0] }.prefix(40)
            #expect(chosen.count >= 30)
            let executable = try #require(TestPaths.executable("seedance"))
            let problems = await withTaskGroup(of: [String].self) { group in
                var next = chosen.startIndex
                func add(_ index: Int) {
                    let name = chosen[index]
                    let output = folder.appendingPathComponent("out-\(index)").path
                    group.addTask {
                        guard
                            let outcome = try? await ChildProcess.run(
                                executable, ["fix", corpus.appendingPathComponent(name).path, "--output-dir", output],
                                timeout: 120)
                        else { return ["\(name): could not start"] }
                        var found: [String] = []
                        if outcome.timedOut || outcome.signal != nil {
                            found.append("\(name): ended by signal \(outcome.signal ?? 0), timed out \(outcome.timedOut)")
                        }
                        if let status = outcome.status, ![0, 2].contains(status) {
                            found.append("\(name): exit \(status): \(outcome.standardError.suffix(300))")
                        }
                        if outcome.status == 2, FileManager.default.fileExists(atPath: output) { found.append("\(name): exit 2 left \(output)") }
                        return found
                    }
                }
                // Four at a time on two cores: the machine under load, each fix with its worker.
                while next < chosen.endIndex && next < chosen.startIndex + 4 {
                    add(next)
                    next += 1
                }
                var all: [String] = []
                for await found in group {
                    all += found
                    if next < chosen.endIndex {
                        add(next)
                        next += 1
                    }
                }
                return all
            }
            #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
        }
    }
}
