import Foundation
import FrameKit
import SeedanceAPI
import SeedanceKit
import Testing

/// FrameKit keeps the provider's numbers as its own defaults (`Policy.seedance`, for callers
/// that use FrameKit alone); the built-in model's image rules are the source. They must agree.
/// A model whose rules FrameKit cannot read is an error wherever its rules are asked for, never
/// judged by another model's rules.
@Suite struct ModelPolicyTests {
    @Test func frameKitsDefaultRulesAreTheDefaultModels() throws {
        let fromModel = try Policy(VideoModel.defaultModel.image, model: VideoModel.defaultModel.name)
        #expect(fromModel == Policy.seedance)
        #expect(try ModelCatalog.policy(for: .defaultModel) == Policy.seedance)
    }

    @Test(arguments: VideoModel.builtIn)
    func everyBuiltInModelsRulesConvert(model: VideoModel) throws {
        let policy = try ModelCatalog.policy(for: model)
        #expect(policy.sideAbove == model.image.sideAbove)
        #expect(policy.acceptedFormats.map(\.rawValue).sorted() == model.image.formats.sorted())
    }

    /// A model whose every image rule differs from the default model's: its policy carries its
    /// own numbers, so a fallback to the default's rules (Seedance 1.5's) cannot pass here.
    @Test func aModelsOwnRulesAreTheOnesApplied() throws {
        var model = VideoModel.defaultModel
        model.name = "own-rules"
        let defaults = model.image
        model.image = ImageRules(
            formats: ["png"], sideAbove: defaults.sideAbove + 100, sideBelow: defaults.sideBelow - 1000,
            aspectAbove: "1:2", aspectBelow: "2:1",
            fileBytesBelow: defaults.fileBytesBelow / 2, payloadBytesBelow: defaults.payloadBytesBelow / 2)
        try #require(model.image != defaults, "the rules under test differ from the default's")
        let policy = try ModelCatalog.policy(for: model)
        #expect(policy != Policy.seedance)
        #expect(policy.acceptedFormats == [.png])
        #expect(policy.sideAbove == defaults.sideAbove + 100 && policy.sideBelow == defaults.sideBelow - 1000)
        #expect(policy.aspectAbove == AspectRatio("1:2") && policy.aspectBelow == AspectRatio("2:1"))
        #expect(policy.fileBytesBelow == defaults.fileBytesBelow / 2 && policy.payloadBytesBelow == defaults.payloadBytesBelow / 2)
        // Judged by them: a JPEG the default model accepts is refused by this one's format rule.
        let verdict = FramePreflight(policy: policy).check(first: .file(TestPaths.fixture("good-first.jpg")), last: nil)[0]
        #expect(FramePreflight().check(first: .file(TestPaths.fixture("good-first.jpg")), last: nil)[0].violations.isEmpty)
        #expect(!verdict.violations.isEmpty, "the model's own format rule applied")
    }

    /// A model built in code with a format FrameKit does not read, and one with a ratio it
    /// cannot parse.
    static let unreadableRules: [(String, @Sendable (inout ImageRules) -> Void, String)] = [
        ("format", { $0.formats.append("tga") }, "image.formats."),
        ("aspect", { $0.aspectAbove = "wide" }, "image.aspect_above"),
    ]

    static func model(breaking index: Int) -> VideoModel {
        var model = VideoModel.defaultModel
        model.name = "broken-\(unreadableRules[index].0)"
        unreadableRules[index].1(&model.image)
        return model
    }

    @Test(arguments: 0..<ModelPolicyTests.unreadableRules.count)
    func unreadableRulesAreAnErrorNotAnotherModelsRules(index: Int) throws {
        let model = Self.model(breaking: index)
        let key = Self.unreadableRules[index].2
        #expect { try ModelCatalog.policy(for: model) } throws: { ($0 as? ModelFileError)?.key.hasPrefix(key) == true }
        #expect { try VideoSubmitter(model: model) } throws: { ($0 as? ModelFileError)?.key.hasPrefix(key) == true }
    }

    @Test func aBatchLineOfSuchAModelIsAnErrorNamingTheKey() throws {
        let model = Self.model(breaking: 0)
        // Planning writes nothing: the output folder need not exist.
        let planner = BatchPlanner(defaults: [:], model: model, outputDirectory: URL(fileURLWithPath: "/nonexistent/videos"))
        let line = ManifestLine(lineNumber: 1, id: "a", first: TestPaths.fixture("good-first.jpg"), fields: ["prompt": .string("a shot")])
        let plan = planner.plan(Manifest(lines: [line], errors: []))
        #expect(plan.items.isEmpty)
        #expect(plan.errors.map(\.key) == ["model"])
        #expect(plan.errors.first?.message.contains("image.formats.") == true, "\(plan.errors)")
    }
}
