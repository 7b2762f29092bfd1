import Foundation
import FrameKit
import SeedanceAPI
import SeedanceKit
import Testing

@testable import SeedanceCore

/// A request's parameters are checked once: the check is a value (``ValidatedParameters``) that
/// the request carries to its body. These tests hand a later step a check it could not have
/// passed: a step that checked again would refuse it.
@Suite struct CheckedParametersTests {
    static let model = VideoModel.defaultModel
    static let frame = FramePayload.inline(Data([0xFF, 0xD8, 0xFF]), format: "jpeg", role: .first)

    /// Parameters the model refuses (no prompt, a duration out of range), stamped as checked.
    static var forged: ValidatedParameters {
        ValidatedParameters(
            checked: model, parameters: GenerationParameters(["duration": .integer(999)]), frames: [.first], scope: .request,
            warnings: [RequestWarning(field: "duration", message: "the stamp's own warning")])
    }

    @Test func theCheckRefusesWhatTheModelRefuses() {
        #expect(throws: RequestValidationError.self) {
            try ValidatedParameters(model: Self.model, parameters: Self.forged.parameters, frames: [.first])
        }
    }

    @Test func aBodyFromCheckedParametersDoesNotCheckThemAgain() throws {
        let request = GenerationRequest(Self.forged, frames: [Self.frame])
        // Checked again, the missing prompt and the duration would be refused: the stamp's warnings come back.
        #expect(try request.validate() == Self.forged.warnings)
        _ = try NovitaRequestLayout.body(for: request)
    }

    @Test func parametersChangedAfterTheCheckAreCheckedAfresh() {
        var request = GenerationRequest(Self.forged, frames: [Self.frame])
        request.parameters["duration"] = .integer(998)
        #expect(throws: RequestValidationError.self) { try NovitaRequestLayout.body(for: request) }
        var lastAdded = GenerationRequest(Self.forged, frames: [Self.frame])
        lastAdded.frames.append(FramePayload.inline(Data([0xFF, 0xD8, 0xFF]), format: "jpeg", role: .last))
        #expect(throws: RequestValidationError.self, "another set of frames is another request") { try lastAdded.validate() }
    }

    @Test func aRequestWithoutACheckIsCheckedWhenItsBodyIsLaidOut() {
        let request = GenerationRequest(model: Self.model, parameters: Self.forged.parameters, frames: [Self.frame])
        #expect(throws: RequestValidationError.self) { try NovitaRequestLayout.body(for: request) }
    }

    @Test func aPreviewCheckIsNotACreateCallCheck() throws {
        let given = try ValidatedParameters.valuesGiven(
            model: Self.model, parameters: GenerationParameters(["ratio": .string("16:9")]), frames: [.first])
        #expect(!given.covers(model: Self.model, parameters: given.parameters, frames: [.first]), "a prompt was never asked for")
        #expect(throws: RequestValidationError.self) { try GenerationRequest(given, frames: [Self.frame]).validate() }
    }

    @Test func theSubmitterBuildsTheRequestFromTheCheck() throws {
        let submitter = try VideoSubmitter(model: Self.model)
        let checked = try submitter.validate(GenerationParameters(["prompt": .string("a slow pan")]), hasLastFrame: false)
        let request = submitter.request(parameters: checked, frames: [])
        #expect(request.validated == checked)
        let refused = #expect(throws: SeedanceError.self) { try submitter.validate(Self.forged.parameters, hasLastFrame: false) }
        guard case .invalidRequest(let reason)? = refused?.kind else {
            Issue.record("a refused field is invalidRequest: \(String(describing: refused))")
            return
        }
        #expect(["prompt", "duration"].contains(reason.field))
    }

    /// The batch plan checks each line once and the prepared request carries that check: the
    /// stamp's warning (which no fresh check would produce) is what the request reports.
    @Test func aBatchLineIsCheckedOnceFromPlanToRequest() async throws {
        let line = ManifestLine(lineNumber: 1, id: "l1", first: TestPaths.fixture("good-first.jpg"), fields: [:])
        let plan = BatchPlanner(defaults: ["prompt": .string("a slow pan")], outputDirectory: URL(fileURLWithPath: "/tmp/unused"))
            .plan(Manifest(lines: [line], errors: []))
        var item = try #require(plan.items.first, "\(plan.errors)")
        let checked = try #require(item.validated, "the plan keeps its check")
        let stamp = [RequestWarning(field: "prompt", message: "from the plan's check")]
        item.validated = ValidatedParameters(
            checked: checked.model, parameters: checked.parameters, frames: checked.frames, scope: .request, warnings: stamp)
        let prepared = try await SubmitterPreparer(submitter: try VideoSubmitter(model: item.model)).prepare(
            BatchItem(id: item.id, line: item.line, payload: item, output: item.output, estimatedCostUSD: nil))
        #expect(try prepared.request.validate() == stamp)
    }

    /// `preview` checks the values given once (the command's validate): the sheet takes that check.
    @Test func aPreviewTakesTheCommandsCheck() async throws {
        let submitter = try VideoSubmitter(model: Self.model)
        let refused = GenerationParameters(["seed": .integer(-5)])
        #expect(throws: SeedanceError.self) { try submitter.validateForPreview(refused, hasLastFrame: false) }
        let stamped = ValidatedParameters(checked: Self.model, parameters: refused, frames: [.first], scope: .valuesGiven, warnings: [])
        let sheet = try await submitter.previewSheet(
            first: ResolvedFrame(local: .file(TestPaths.fixture("good-first.jpg"))), last: nil, parameters: stamped)
        #expect(sheet.frames.count == 1, "not checked again")
        let other = ValidatedParameters(
            checked: VideoModel.builtIn[1], parameters: GenerationParameters(), frames: [.first], scope: .valuesGiven, warnings: [])
        await #expect(throws: SeedanceError.self, "a check for another model is refused") {
            try await submitter.previewSheet(first: ResolvedFrame(local: .file(TestPaths.fixture("good-first.jpg"))), last: nil, parameters: other)
        }
    }
}
