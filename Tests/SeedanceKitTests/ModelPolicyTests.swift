import FrameKit
import SeedanceAPI
import SeedanceKit
import Testing

/// FrameKit keeps the provider's numbers as its own defaults (`Policy.seedance`, for callers
/// that use FrameKit alone); the built-in model's image rules are the source. They must agree.
@Suite struct ModelPolicyTests {
    @Test func frameKitsDefaultRulesAreTheDefaultModels() throws {
        let fromModel = try Policy(VideoModel.defaultModel.image, model: VideoModel.defaultModel.name)
        #expect(fromModel == Policy.seedance)
        #expect(ModelCatalog.policy(for: .defaultModel) == Policy.seedance)
    }

    @Test(arguments: VideoModel.builtIn)
    func everyBuiltInModelsRulesConvert(model: VideoModel) throws {
        let policy = try Policy(model.image, model: model.name)
        #expect(policy.sideAbove == model.image.sideAbove)
        #expect(policy.acceptedFormats.map(\.rawValue).sorted() == model.image.formats.sorted())
    }
}
