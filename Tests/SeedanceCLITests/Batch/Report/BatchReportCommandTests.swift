import Foundation
import SeedanceStub
import Testing

/// `seedance batch --report DIR` end to end: the built binary, real frames, and for a real run
/// the stand-in on loopback; the page read back strictly and every link followed.
@Suite(.serialized) struct BatchReportCommandTests {
    static let key = "sk-batch-report-4e8a1c2b9d7f3a6e"

    func withFolder(_ body: (URL) async throws -> Void) async throws {
        try await withScratchFolder("batch-report-cli") { folder in
            try await body(folder)
        }
    }

    func batch(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) async throws -> CommandRunner.Result {
        var variables = environment
        variables["XDG_STATE_HOME"] = folder.appendingPathComponent("state").path
        return try await CommandRunner.run(["batch"] + arguments, environment: variables, timeout: 300)
    }

    @Test func aDryRunReportHasARowForEveryLineEvenWhenTheManifestIsRefused() async throws {
        try await withFolder { folder in
            let lines = ReportManifests.mixed(valid: 4)
            let manifest = try BatchManifestFixtures.write(lines, to: folder)
            let report = folder.appendingPathComponent("report")
            let options = [manifest, "--output-dir", folder.appendingPathComponent("videos").path, "--dry-run", "--report", report.path]

            let refused = try await batch(options, in: folder)
            #expect(refused.status == 64, "\(refused.stderr)")
            let page = try ReportPage(contentsOf: report.appendingPathComponent("index.html"))
            #expect(page.rows.count == lines.count)
            #expect(page.rows.count { $0.class == "invalid" } == 3)

            try FileManager.default.removeItem(at: report)
            let skipped = try await batch(options + ["--skip-invalid"], in: folder)
            #expect(skipped.status == 0, "\(skipped.stderr)")
            let again = try ReportPage(contentsOf: report.appendingPathComponent("index.html"))
            #expect(again.rows.count == lines.count)
            for link in again.links {
                let file = try #require(ReportPage.resolve(link, in: report))
                #expect(FileManager.default.fileExists(atPath: file.path), "\(link)")
            }
            #expect(!again.elements.contains("script"))
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("videos").path), "nothing was sent")
        }
    }

    @Test func aReportFolderThatCannotBeWrittenIsExit74BeforeAnyWork() async throws {
        try await withFolder { folder in
            let manifest = try BatchManifestFixtures.write(BatchManifestFixtures.lines(1), to: folder)
            let blocker = folder.appendingPathComponent("a-file")
            try Data("x".utf8).write(to: blocker)
            let result = try await batch(
                [manifest, "--output-dir", folder.path, "--dry-run", "--report", blocker.appendingPathComponent("r").path],
                in: folder)
            #expect(result.status == 74, "\(result.stderr)")
            #expect(result.stderr.contains("--report") && result.stderr.contains("not a folder"), "\(result.stderr)")
            #expect(result.stdout.isEmpty, "nothing was checked or printed")
        }
    }

    @Test func aRunReportShowsStateTaskIDCostAndAWorkingVideoLink() async throws {
        try await SeedanceStub.with(
            StubConfiguration(
                apiKey: Self.key, taskDuration: .milliseconds(300), imageValidator: FrameRulesValidator.validate)
        ) { stub in
            try await withFolder { folder in
                let manifest = try BatchManifestFixtures.write(BatchManifestFixtures.lines(3), to: folder)
                let report = folder.appendingPathComponent("report")
                let environment = ["NOVITA_API_KEY": Self.key, "SEEDANCE_BASE_URL": stub.baseURL.absoluteString]
                let result = try await batch(
                    [
                        manifest, "--output-dir", folder.appendingPathComponent("videos").path, "--resolution", "480p",
                        "--rpm", "600", "--json", "--report", report.path,
                    ], in: folder, environment: environment)
                #expect(result.status == 0, "\(result.stderr)")
                let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
                let items = try #require(document["items"] as? [[String: Any]])
                #expect(items.count == 3)

                let page = try ReportPage(contentsOf: report.appendingPathComponent("index.html"))
                #expect(page.rows.count == 3)
                let videos = page.links.filter { $0.hasSuffix(".mp4") }
                #expect(videos.count == 3, "\(page.links)")
                for (row, item) in zip(page.rows, items) {
                    let taskID = try #require(item["task_id"] as? String)
                    #expect(row.text.contains(taskID), "the row shows its task id")
                    #expect(row.text.contains("downloaded"))
                    #expect(row.text.contains("(estimate)"), "the cost is labelled an estimate")
                }
                for (link, item) in zip(videos, items) {
                    let file = try #require(ReportPage.resolve(link, in: report))
                    #expect(file.path == (item["output"] as? String).map { URL(fileURLWithPath: $0).standardizedFileURL.path })
                    #expect(FileManager.default.fileExists(atPath: file.path))
                }
                #expect(!result.stdout.contains(Self.key) && !result.stderr.contains(Self.key))
                let html = try String(contentsOf: report.appendingPathComponent("index.html"), encoding: .utf8)
                #expect(!html.contains(Self.key), "the API key never reaches the report")
            }
        }
    }

    /// The number for the issue: a 100-line dry-run report, frames of every kind (no timing assertion).
    @Test func aHundredLineReport() async throws {
        try await withFolder { folder in
            let manifest = try BatchManifestFixtures.write(BatchManifestFixtures.lines(100), to: folder)
            let report = folder.appendingPathComponent("report")
            let started = Date()
            let result = try await batch(
                [manifest, "--output-dir", folder.path, "--dry-run", "--resolution", "720p", "--report", report.path],
                in: folder)
            let wall = Date().timeIntervalSince(started)
            #expect(result.status == 0, "\(result.stderr)")
            let page = try ReportPage(contentsOf: report.appendingPathComponent("index.html"))
            #expect(page.rows.count == 100)
            let line = result.stderr.split(separator: "\n").first { $0.hasPrefix("report: ") } ?? "?"
            FileHandle.standardError.write(Data("batch report, 100 lines: \(line); whole dry run \(String(format: "%.1f", wall)) s\n".utf8))
        }
    }
}
