import Foundation
import FrameKit
import SeedanceAPI
import SeedanceKit
import Testing

/// The report as a library call: real frames prepared by the batch's own preparer, real libvips
/// thumbnails, real files; the page read back with a strict XML parser.
@Suite struct BatchReportWriterTests {
    /// Writes the report of `lines` in a scratch folder and hands `body` the folder, the report
    /// and its page read back; the folder is removed afterwards whatever happens.
    func write(
        _ lines: [String], summary: BatchRunSummary? = nil, _ body: (URL, BatchReport, ReportPage) async throws -> Void
    ) async throws {
        try await withScratchFolder("batch-report") { folder in
            let (manifest, plan) = try ReportManifests.plan(lines, in: folder)
            let directory = folder.appendingPathComponent("report")
            let report = try await BatchReportWriter(builder: BatchReportBuilder(submitter: try VideoSubmitter()))
                .write(plan, manifest: manifest, summary: summary, title: "shots.jsonl", to: directory)
            try await body(folder, report, try ReportPage(contentsOf: BatchReportWriter.index(in: directory)))
        }
    }

    @Test func oneRowPerManifestLineAndEveryLinkedImageExists() async throws {
        let lines = ReportManifests.mixed(valid: 6)
        try await write(lines) { folder, report, page in
            #expect(page.rows.count == lines.count, "one row per manifest line")
            #expect(page.rows.map(\.id) == (1...lines.count).map { "line-\($0)" })
            #expect(report.rows.count(where: { !$0.isValid }) == 3, "wrong type, missing file, broken JSON")
            #expect(page.rows[6].class == "invalid" && page.rows[6].text.contains("expected an integer"), "\(page.rows[6].text)")
            #expect(page.rows[7].text.contains("cannot be used"), "\(page.rows[7].text)")
            #expect(page.rows[9].class == "invalid", "the line that is not JSON still has its row")

            let directory = folder.appendingPathComponent("report")
            #expect(!page.links.isEmpty)
            for link in page.links {
                #expect(!link.lowercased().hasPrefix("http"), "no outside asset: \(link)")
                let file = try #require(ReportPage.resolve(link, in: directory), "a relative link: \(link)")
                #expect(FileManager.default.fileExists(atPath: file.path), "\(link) resolves to \(file.path)")
            }
            #expect(!page.elements.contains("script"))
            #expect(page.imagesWithoutLazyLoading == 0)

            // Every valid local line shows its original and the frame as sent; thumbnails are small.
            let sent = report.rows.filter(\.isValid).flatMap(\.frames).filter { !$0.source.hasPrefix("https:") }
            #expect(sent.count >= 6 && sent.allSatisfy { $0.original != nil && $0.sent != nil && !$0.steps.isEmpty })
            for image in report.rows.flatMap(\.frames).flatMap({ [$0.original, $0.sent] }).compactMap({ $0 }) {
                let file = directory.appendingPathComponent(image.path)
                let header = try FrameInspector().inspectFrame(.file(file.path)).report
                #expect(max(header.width, header.height) <= BatchReportBuilder.thumbnailSide)
                #expect((header.width, header.height) == (image.width, image.height))
            }
            let leftovers = try FileManager.default.subpathsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".part") }
            #expect(leftovers.isEmpty, "no temporary file is left: \(leftovers)")
        }
    }

    @Test func textWithMarkupIsEscapedNotInterpreted() async throws {
        try await write(ReportManifests.mixed(valid: 1)) { _, _, page in
            let row = try #require(page.rows.last)
            #expect(row.text.contains(ReportManifests.hostile), "the id and prompt read back as the same text")
            #expect(!page.elements.contains("script") && !page.elements.contains("i"), "no markup from the manifest became an element")
        }
    }

    @Test func theSentFrameIsTheOneTheBatchWouldSend() async throws {
        // A sideways first frame and a panorama last frame: both are changed.
        let lines = [
            ReportManifests.json([
                "id": "both", "first": TestPaths.fixture("bad-first-sideways.jpg"),
                "last": TestPaths.fixture("bad-last-panorama.png"), "prompt": "p",
            ])
        ]
        try await withScratchFolder("batch-report-same") { folder in
            let (manifest, plan) = try ReportManifests.plan(lines, in: folder)
            let item = try #require(plan.items.first)
            let report = try await BatchReportWriter(builder: BatchReportBuilder(submitter: try VideoSubmitter()))
                .write(plan, manifest: manifest, to: folder.appendingPathComponent("report"))
            let sent = try await SubmitterPreparer(submitter: try VideoSubmitter()).prepare(
                BatchItem(id: item.id, line: item.line, payload: item, output: item.output, estimatedCostUSD: nil))
            let frames = try #require(report.rows.first?.frames)
            #expect(frames.count == 2)
            for (shown, frame) in zip(frames, sent.frames) {
                let prepared = try #require(frame.prepared)
                #expect(
                    shown.sentFacts?.hasPrefix("\(prepared.format.rawValue.uppercased()) \(prepared.width)×\(prepared.height),") == true,
                    "\(shown.sentFacts ?? "nil") vs \(prepared.width)×\(prepared.height)")
                #expect(!prepared.isPassThrough && shown.steps == prepared.steps.map(\.summary))
            }
        }
    }

    /// The original's thumbnail is the annotated one: a crop's kept region outlined, a pad's added area shaded.
    @Test(arguments: [FixOptions.Framing.crop(.attention), .pad(.colour(.black))])
    func theOriginalShowsWhatIsKept(_ framing: FixOptions.Framing) async throws {
        try await withScratchFolder("batch-report-marks") { folder in
            let first = TestPaths.fixture("bad-last-panorama.png")
            let (manifest, plan) = try ReportManifests.plan(
                [ReportManifests.json(["id": "wide", "first": first, "prompt": "p", "ratio": "1:1"])], in: folder)
            let submitter = try VideoSubmitter(fixOptions: FixOptions(framing: framing))
            let directory = folder.appendingPathComponent("report")
            let report = try await BatchReportWriter(builder: BatchReportBuilder(submitter: submitter)).write(plan, manifest: manifest, to: directory)
            let shown = try #require(report.rows.first?.frames.first?.original)
            let thumbnail = try FramePreview().thumbnail(
                of: .file(directory.appendingPathComponent(shown.path).path), maxWidth: shown.width, maxHeight: shown.height)

            let item = try #require(plan.items.first)
            let prepared = try #require(try await submitter.prepareFrames(first: item.first, last: nil, parameters: item.parameters).first?.prepared)
            let expected = try FramePreview().annotatedOriginal(
                of: .file(first), geometry: prepared.geometry, maxSide: BatchReportBuilder.thumbnailSide)
            #expect((thumbnail.width, thumbnail.height) == (expected.width, expected.height))
            let style = PreviewStyle()
            if case .crop = framing {
                let outline = try #require(expected.outline, "a 1:1 crop of a panorama")
                let ring = try thumbnail.pixel(x: outline.x + 1, y: outline.y + outline.height / 2)
                let colour = [style.outline.red, style.outline.green, style.outline.blue].map(Double.init)
                #expect(zip(ring, colour).allSatisfy { abs($0 - $1) < 48 }, "the outline's colour on the kept region's edge: \(ring)")
                // And what is dropped is washed out: lighter than the same place on a plain thumbnail.
                let plain = try FramePreview().thumbnail(of: .file(first), maxWidth: shown.width, maxHeight: shown.height)
                #expect(outline.x > 8, "the crop drops a band on the left")
                let (x, y) = (outline.x / 2, outline.y + outline.height / 2)
                let washed = try thumbnail.pixel(x: x, y: y).reduce(0, +)
                let original = try plain.pixel(x: x, y: y).reduce(0, +)
                #expect(washed > original + 30, "dropped area washed out: \(washed) vs \(original)")
            } else {
                let picture = try #require(expected.picture, "a 1:1 pad of a panorama")
                #expect(picture.y > 2, "the added area lies above the picture")
                let added = try thumbnail.pixel(x: thumbnail.width / 2, y: 1)
                #expect(added[0] > 200 && added[2] > 130, "the added area is shaded (pink), not black: \(added)")
            }
        }
    }

    @Test func anUnknownPriceReadsUnknownAndAnEstimateIsLabelled() async throws {
        try withScratchFolder("batch-report-unknown") { folder in
            let (manifest, planned) = try ReportManifests.plan(BatchManifestFixtures.lines(2), in: folder)
            var plan = planned
            let html = BatchReport(plan: planned, manifest: manifest, directory: folder).html()
            #expect(html.contains("(estimate)"))
            plan.items[1].estimate = .unknown
            let page = try ReportPage(Data(BatchReport(plan: plan, manifest: manifest, directory: folder).html().utf8))
            #expect(page.rows[1].text.contains("unknown"))
            #expect(page.text.contains("Total for 2 line(s) to send: unknown"))
        }
    }

    /// A report being written never looks complete: no index.html while any thumbnail is drawn.
    @Test func theIndexIsWrittenAfterEveryThumbnail() async throws {
        try await withScratchFolder("batch-report-order") { folder in
            let (manifest, plan) = try ReportManifests.plan(BatchManifestFixtures.lines(4), in: folder)
            let directory = folder.appendingPathComponent("report")
            let watcher = IndexWatcher(index: BatchReportWriter.index(in: directory))
            try await BatchReportWriter(builder: BatchReportBuilder(submitter: try VideoSubmitter(), thumbnailer: watcher))
                .write(plan, manifest: manifest, to: directory)
            #expect(watcher.calls.count >= 8, "an original and a sent frame per line at least")
            #expect(watcher.calls.allSatisfy { !$0 }, "index.html did not exist while thumbnails were drawn")
            #expect(FileManager.default.fileExists(atPath: BatchReportWriter.index(in: directory).path))
        }
    }

    /// A thumbnail that cannot be drawn is not dropped in silence: the page says why in its place.
    @Test func aThumbnailThatFailsSaysWhyOnThePage() async throws {
        try await withScratchFolder("batch-report-failing") { folder in
            let (manifest, plan) = try ReportManifests.plan(BatchManifestFixtures.lines(1), in: folder)
            let directory = folder.appendingPathComponent("report")
            let report = try await BatchReportWriter(builder: BatchReportBuilder(submitter: try VideoSubmitter(), thumbnailer: FailingThumbnailer()))
                .write(plan, manifest: manifest, to: directory)
            let frames = report.rows.flatMap(\.frames)
            #expect(!frames.isEmpty)
            for frame in frames {
                #expect(frame.original == nil && frame.failure(of: .original)?.reason == FailingThumbnailer.reason, "\(frame)")
                #expect(frame.sent == nil && frame.failure(of: .sent)?.reason == FailingThumbnailer.reason, "\(frame)")
            }
            let page = try ReportPage(contentsOf: BatchReportWriter.index(in: directory))
            #expect(page.text.contains("no preview: \(FailingThumbnailer.reason)"), "\(page.text)")
        }
    }

    @Test func aFolderThatCannotBeWrittenIsALocalIOError() async throws {
        try await withScratchFolder("batch-report-blocked") { folder in
            let (manifest, plan) = try ReportManifests.plan(BatchManifestFixtures.lines(1), in: folder)
            let file = folder.appendingPathComponent("a-file")
            try Data("x".utf8).write(to: file)
            await #expect {
                try await BatchReportWriter(builder: BatchReportBuilder(submitter: try VideoSubmitter()))
                    .write(plan, manifest: manifest, to: file.appendingPathComponent("report"))
            } throws: { ($0 as? SeedanceError)?.kind == .localIO }
        }
    }
}

/// The report's thumbnails, noting on each call whether the report's index exists yet.
final class IndexWatcher: ReportThumbnailer, @unchecked Sendable {
    let index: URL
    private let lock = NSLock()
    private var seen: [Bool] = []
    private let plain = PreviewThumbnailer()

    init(index: URL) {
        self.index = index
    }

    var calls: [Bool] { lock.withLock { seen } }

    private func note() {
        let exists = FileManager.default.fileExists(atPath: index.path)
        lock.withLock { seen.append(exists) }
    }

    func original(_ input: ImageInput, preparedAs frame: PreparedFrame?, side: Int) throws -> ReportThumbnail {
        note()
        return try plain.original(input, preparedAs: frame, side: side)
    }

    func sent(_ frame: PreparedFrame, side: Int) throws -> ReportThumbnail {
        note()
        return try plain.sent(frame, side: side)
    }
}

/// A thumbnailer that always fails, with a reason the page must show.
struct FailingThumbnailer: ReportThumbnailer {
    static let reason = "the thumbnailer refused on purpose"

    struct Refusal: Error, CustomStringConvertible {
        var description: String { FailingThumbnailer.reason }
    }

    func original(_ input: ImageInput, preparedAs frame: PreparedFrame?, side: Int) throws -> ReportThumbnail { throw Refusal() }
    func sent(_ frame: PreparedFrame, side: Int) throws -> ReportThumbnail { throw Refusal() }
}
