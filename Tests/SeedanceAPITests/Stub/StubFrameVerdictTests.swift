import Foundation
import SeedanceAPI
import TestSupport
import Testing

@testable import SeedanceStub

/// The stand-in's verdicts against the contract's strict Rule (docs/api-contract.md, image
/// rules): each side 301…5999 px, 0.4 < width/height < 2.5 strictly, the six formats judged by
/// the bytes, `data:image/<lowercase fmt>;base64,`, the data URI and the file each under
/// 30,000,000 bytes. The expected reasons are written by hand.
@Suite struct StubFrameVerdictTests {
    private static func data(_ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: TestPaths.fixture(name)))
    }

    static let size = "INVALID_IMAGE_SIZE", format = "INVALID_IMAGE_FORMAT"

    /// Fixture, the `<fmt>` its data URI declares, the provider's reason (nil: accepted).
    static let verdicts: [(String, String, String?)] = [
        ("edge-299x400.png", "png", size), ("edge-300x400.png", "png", size), ("edge-301x400.png", "png", nil),
        ("edge-400x299.png", "png", size), ("edge-400x300.png", "png", size), ("edge-400x301.png", "png", nil),
        ("edge-400x1000.png", "png", size), ("edge-401x1000.png", "png", nil),
        ("edge-1000x2500.png", "png", size), ("edge-1000x2499.png", "png", nil),
        ("edge-2500x1000.png", "png", size), ("edge-2499x1000.png", "png", nil),
        ("edge-5999x3000.png", "png", nil), ("edge-6000x3000.png", "png", size), ("edge-6001x3000.png", "png", size),
        ("bad-last-panorama.png", "png", size),
        ("accepted.png", "png", nil), ("accepted.gif", "gif", nil), ("accepted.webp", "webp", nil),
        ("accepted.bmp", "bmp", nil), ("accepted.tif", "tiff", nil), ("good-first.jpg", "jpeg", nil),
        ("bad-first-sideways.jpg", "jpeg", nil), ("orientation-6.jpg", "jpeg", nil), ("orientation-3.jpg", "jpeg", nil),
        // The contract names formats and sizes only: colour, alpha, depth and animation pass.
        ("cmyk-no-profile.jpg", "jpeg", nil), ("alpha.png", "png", nil), ("rgb16.png", "png", nil),
        ("grey.png", "png", nil), ("animated-3-frames.gif", "gif", nil),
        // The bytes decide, not the name; the declared format must match them.
        ("jpeg-named.png", "jpeg", nil), ("jpeg-named.png", "png", format), ("accepted.webp", "gif", format),
        ("refused.avif", "png", format), ("refused.heic", "jpeg", format), ("refused.jp2", "jpeg", format),
        ("refused.svg", "png", format), ("random-bytes.bin", "jpeg", format), ("empty.jpg", "jpeg", format),
        ("truncated.jpg", "jpeg", format),
    ]

    @Test(arguments: verdicts)
    func judgesLikeTheContract(fixture: String, declared: String, reason: String?) throws {
        let verdict = FrameRulesValidator.validate(try Self.data(fixture), declared)
        #expect(verdict?.reason == reason, "\(verdict?.message ?? "accepted")")
    }

    // MARK: The data URI, through the whole create-body check

    /// The provider's reason for a body whose `image` is `uri` (nil: accepted).
    private static func reason(_ uri: String, model: VideoModel = .defaultModel) throws -> String? {
        let body = try JSONSerialization.data(withJSONObject: ["image": uri, "prompt": "p"])
        let checker = SubmitBodyChecker(model: model, imageValidator: FrameRulesValidator.validating(model))
        do throws(ProviderRefusal) {
            try checker.check(body)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func theDataURIPrefixIsExact() throws {
        let jpeg = try Self.data("good-first.jpg").base64EncodedString()
        #expect(try Self.reason("data:image/jpeg;base64," + jpeg) == nil)
        #expect(try Self.reason("data:image/jpg;base64," + jpeg) == Self.format, "image/jpeg, never image/jpg")
        #expect(try Self.reason("data:image/JPEG;base64," + jpeg) == Self.format, "lowercase only")
        #expect(try Self.reason("data:image/png;base64," + jpeg) == Self.format, "the declared format must be the bytes'")
        #expect(try Self.reason("DATA:image/jpeg;base64," + jpeg) == "INVALID_REQUEST_BODY")
        #expect(try Self.reason("data:image/jpeg," + jpeg) == "INVALID_REQUEST_BODY")
        #expect(try Self.reason("data:image/jpeg;base64,") == "INVALID_REQUEST_BODY")
    }

    @Test func theDefaultBudgetIsThirtyMillionBytesEach() {
        #expect(VideoModel.defaultModel.image.payloadBytesBelow == 30_000_000)
        #expect(VideoModel.defaultModel.image.fileBytesBelow == 30_000_000)
    }

    /// The data URI and the decoded file are each strictly under their budget, checked at the
    /// exact byte on a model whose budget is this frame's size.
    @Test func theDataURIAndTheFileAreEachUnderTheirBudget() throws {
        let file = try Self.data("good-first.jpg")
        let uri = "data:image/jpeg;base64," + file.base64EncodedString()
        func model(payload: Int, file: Int) -> VideoModel {
            var model = VideoModel.defaultModel
            model.image.payloadBytesBelow = payload
            model.image.fileBytesBelow = file
            return model
        }
        let exceeds = "IMAGE_FILE_EXCEEDS_MAX_SIZE"
        #expect(try Self.reason(uri, model: model(payload: uri.utf8.count + 1, file: file.count + 1)) == nil)
        #expect(try Self.reason(uri, model: model(payload: uri.utf8.count, file: file.count + 1)) == exceeds)
        #expect(try Self.reason(uri, model: model(payload: uri.utf8.count + 1, file: file.count)) == exceeds)
    }
}
