import Foundation
import FrameKit
import SeedanceAPI
import SeedanceKit
import Synchronization
import Testing

/// A report written after a run shows the frames the run prepared: its thumbnails are drawn as
/// each item is prepared, and the report prepares none of those lines again.
@Suite struct ReportReuseTests {
    /// Counts the thumbnails drawn, by kind.
    final class CountingThumbnailer: ReportThumbnailer {
        let drawn = Mutex<[String: Int]>([:])
        let inner = PreviewThumbnailer()

        func original(_ input: ImageInput, preparedAs frame: PreparedFrame?, side: Int) throws -> ReportThumbnail {
            drawn.withLock { $0["original", default: 0] += 1 }
            return try inner.original(input, preparedAs: frame, side: side)
        }

        func sent(_ frame: PreparedFrame, side: Int) throws -> ReportThumbnail {
            drawn.withLock { $0["sent", default: 0] += 1 }
            return try inner.sent(frame, side: side)
        }
    }

    @Test func theReportAfterARunUsesTheFramesTheRunPrepared() async throws {
        try await withScratchFolder("report-reuse") { folder in
            let frame = folder.appendingPathComponent("sideways.jpg")
            try FileManager.default.copyItem(atPath: TestPaths.fixture("bad-first-sideways.jpg"), toPath: frame.path)
            let line = ManifestLine(lineNumber: 1, id: "l1", first: frame.path, fields: [:])
            let manifest = Manifest(lines: [line], errors: [])
            let plan = BatchPlanner(defaults: ["prompt": .string("a slow pan")], outputDirectory: folder).plan(manifest)
            let item = try #require(plan.items.first, "\(plan.errors)")

            let reportFolder = folder.appendingPathComponent("report")
            let thumbnailer = CountingThumbnailer()
            let recorder = try BatchReportRecorder(reportDirectory: reportFolder, policy: .seedance, thumbnailer: thumbnailer)
            let submitter = try VideoSubmitter(model: item.model)
            // The run's preparation of the item, as SeedanceBatch's preparer does it.
            let prepared = try await SubmitterPreparer(submitter: submitter, recorder: recorder).prepare(
                BatchItem(id: item.id, line: item.line, payload: item, output: item.output, estimatedCostUSD: nil))
            #expect(thumbnailer.drawn.withLock { $0 } == ["original": 1, "sent": 1])

            // The original is gone after the run: a report that prepared the line again could not.
            try FileManager.default.removeItem(at: frame)
            let report = try await BatchReportWriter(builder: BatchReportBuilder(submitter: submitter, thumbnailer: thumbnailer))
                .write(plan, manifest: manifest, recorded: recorder, to: reportFolder)
            let row = try #require(report.rows.first)
            #expect(row.problems.isEmpty, "\(row.problems)")
            let shown = try #require(row.frames.first)
            #expect(shown.sent != nil && shown.original != nil)
            #expect(shown.sentFacts?.contains("\(try #require(prepared.frames.first?.prepared).width)×") == true, "\(shown)")
            #expect(thumbnailer.drawn.withLock { $0 } == ["original": 1, "sent": 1], "nothing drawn or prepared again")
            for image in [shown.original, shown.sent].compactMap({ $0 }) {
                #expect(FileManager.default.fileExists(atPath: reportFolder.appendingPathComponent(image.path).path), "\(image.path)")
            }
        }
    }

    @Test func aFailedPreparationIsReportedFromTheRunNotRepeated() async throws {
        try await withScratchFolder("report-reuse-failure") { folder in
            let line = ManifestLine(lineNumber: 1, id: "l1", first: TestPaths.fixture("truncated.jpg"), fields: [:])
            let manifest = Manifest(lines: [line], errors: [])
            let plan = BatchPlanner(defaults: ["prompt": .string("a slow pan")], outputDirectory: folder).plan(manifest)
            // The header of a truncated JPEG reads: the plan keeps it; its pixels fail when prepared.
            let item = try #require(plan.items.first, "\(plan.errors)")
            let reportFolder = folder.appendingPathComponent("report")
            let recorder = try BatchReportRecorder(reportDirectory: reportFolder, policy: .seedance)
            await #expect(throws: (any Error).self) {
                try await SubmitterPreparer(submitter: try VideoSubmitter(model: item.model), recorder: recorder).prepare(
                    BatchItem(id: item.id, line: item.line, payload: item, output: item.output, estimatedCostUSD: nil))
            }
            let recorded = try #require(recorder.recorded[1])
            #expect(recorded.problem?.hasPrefix("preparing the frames failed") == true, "\(String(describing: recorded.problem))")
            let report = try await BatchReportWriter(builder: BatchReportBuilder(submitter: try VideoSubmitter()))
                .write(plan, manifest: manifest, recorded: recorder, to: reportFolder)
            #expect(report.rows.first?.problems == [recorded.problem].compactMap { $0 })
        }
    }
}
