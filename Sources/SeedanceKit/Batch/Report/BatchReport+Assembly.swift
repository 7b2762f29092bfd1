public import Foundation
import FrameKit
import SeedanceAPI

extension BatchReport {
    /// Puts a report together from what is already known: no file is read or written.
    /// - Parameters:
    ///   - plan: the checked manifest (its errors become the rows' problems).
    ///   - manifest: the lines as read, so a line that failed its checks still shows its id and frames.
    ///   - frames: each line's frames with their thumbnails, by line number (``BatchReportBuilder`` makes them);
    ///     a line without an entry shows its frames' sources only.
    ///   - preparationProblems: why preparing a line's frames failed, by line number.
    ///   - summary: how a run ended, when the report follows one.
    ///   - directory: the report's folder, which video links are relative to.
    public init(
        plan: BatchPlan, manifest: Manifest? = nil, frames: [Int: [Frame]] = [:], preparationProblems: [Int: String] = [:],
        summary: BatchRunSummary? = nil, directory: URL, title: String = "batch"
    ) {
        let items = Dictionary(plan.items.map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        let lines = Dictionary((manifest?.lines ?? []).map { ($0.lineNumber, $0) }, uniquingKeysWith: { first, _ in first })
        let problems = Dictionary(grouping: plan.errors.filter { $0.line != nil }) { $0.line ?? 0 }
        let results = Dictionary((summary?.items ?? []).map { ($0.line, $0) }, uniquingKeysWith: { first, _ in first })
        let numbers = Set(items.keys).union(lines.keys).union(problems.keys).union(preparationProblems.keys).sorted()

        rows = numbers.map { number in
            let item = items[number]
            var lineProblems = (problems[number] ?? []).map(Self.text(of:))
            if let problem = preparationProblems[number] { lineProblems.append(problem) }
            return Row(
                line: number, id: item?.id ?? lines[number]?.id,
                frames: frames[number] ?? Self.sourcesOnly(item: item, line: lines[number]),
                request: item.map(Self.requestFields) ?? [], estimate: item?.estimate,
                output: item?.output ?? lines[number]?.output, problems: lineProblems,
                outcome: results[number].map { Self.outcome($0, directory: directory) })
        }
        total = plan.total
        self.problems = plan.errors.filter { $0.line == nil }.map(Self.text(of:))
        run = summary.map {
            RunTotals(outcome: $0.outcome.rawValue, spentUSD: $0.spentUSD, stop: $0.stop?.description)
        }
        self.title = title
    }

    /// The model, then the request's fields by name (the prompt among them).
    static func requestFields(_ item: BatchPlanItem) -> [Field] {
        [Field(name: "model", value: item.model.name)]
            + item.parameters.values.sorted { $0.key < $1.key }.map { Field(name: $0.key, value: $0.value.description) }
    }

    static func text(of error: ManifestError) -> String {
        (error.key.map { "\($0): " } ?? "") + error.message
    }

    private static func sourcesOnly(item: BatchPlanItem?, line: ManifestLine?) -> [Frame] {
        if let item {
            return [Frame(role: .first, source: item.first.recordedName)]
                + (item.last.map { [Frame(role: .last, source: $0.recordedName)] } ?? [])
        }
        guard let line else { return [] }
        return [Frame(role: .first, source: FrameSource(argument: line.first).recordedName)]
            + (line.last.map { [Frame(role: .last, source: FrameSource(argument: $0).recordedName)] } ?? [])
    }

    private static func outcome(_ result: BatchItemResult, directory: URL) -> Outcome {
        let video = result.state == .downloaded ? result.output.map { RelativePath.from(directory, to: URL(fileURLWithPath: $0)) } : nil
        return Outcome(
            state: result.state, taskID: result.taskID, costUSD: result.estimatedCostUSD,
            duplicateOfTaskID: result.duplicateOfTaskID, video: video, error: result.error)
    }
}
