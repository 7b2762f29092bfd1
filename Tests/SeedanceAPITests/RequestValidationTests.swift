import SeedanceAPI
import Testing

/// Each field at and around its limits.
@Suite struct RequestValidationTests {
    static let image = pngDataURI()

    static let valid: [GenerationRequest] = [
        GenerationRequest(image: image),
        GenerationRequest(image: "https://example.com/a.png", lastImage: "http://example.com/b.jpg"),
        GenerationRequest(image: image, duration: 4),
        GenerationRequest(image: image, duration: 12),
        GenerationRequest(image: image, fps: 24),
        GenerationRequest(image: image, seed: -1),
        GenerationRequest(image: image, seed: 4_294_967_295),
        GenerationRequest(image: image, executionExpiresAfter: 3600),
        GenerationRequest(image: image, executionExpiresAfter: 259_200),
        GenerationRequest(image: "data:image/jpeg;base64,/9j/", resolution: .p1080, ratio: .cinema),
        GenerationRequest(image: "data:image/gif;base64,R0lG", serviceTier: .flex, generateAudio: false),
    ]

    @Test(arguments: valid)
    func acceptsValuesAtTheLimits(request: GenerationRequest) throws {
        #expect(try request.validate().isEmpty)
    }

    static let invalid: [(GenerationRequest, String)] = [
        (GenerationRequest(image: image, duration: 3), "duration"),
        (GenerationRequest(image: image, duration: 13), "duration"),
        (GenerationRequest(image: image, fps: 23), "fps"),
        (GenerationRequest(image: image, fps: 25), "fps"),
        (GenerationRequest(image: image, seed: -2), "seed"),
        (GenerationRequest(image: image, seed: 4_294_967_296), "seed"),
        (GenerationRequest(image: image, executionExpiresAfter: 3599), "execution_expires_after"),
        (GenerationRequest(image: image, executionExpiresAfter: 259_201), "execution_expires_after"),
        (GenerationRequest(image: ""), "image"),
        (GenerationRequest(image: "file:///tmp/a.png"), "image"),
        (GenerationRequest(image: "https://"), "image"),
        (GenerationRequest(image: "https://host/a b.png"), "image"),
        (GenerationRequest(image: "data:image/PNG;base64,AAAA"), "image"),
        (GenerationRequest(image: "data:image/heic;base64,AAAA"), "image"),
        (GenerationRequest(image: "data:image/png,AAAA"), "image"),
        (GenerationRequest(image: "data:image/png;base64,"), "image"),
        (GenerationRequest(image: "data:image/png;base64,AA\"A"), "image"),
        (GenerationRequest(image: image, lastImage: "data:image/avif;base64,AAAA"), "last_image"),
    ]

    @Test(arguments: invalid)
    func refusesValuesPastTheLimits(request: GenerationRequest, field: String) {
        do {
            try request.validate()
            Issue.record("accepted an invalid \(field)")
        } catch {
            #expect(error.field == field)
            #expect(!error.allowed.isEmpty)
            #expect(error.description.contains(field))
        }
    }

    @Test func longPromptIsAWarningNotAnError() throws {
        #expect(try GenerationRequest(image: Self.image, prompt: String(repeating: "字", count: 500)).validate().isEmpty)
        let warnings = try GenerationRequest(image: Self.image, prompt: String(repeating: "a", count: 501)).validate()
        #expect(warnings.map(\.field) == ["prompt"])
    }

    @Test func errorMessagesNeverCarryAPayload() {
        let huge = "data:image/heic;base64," + String(repeating: "A", count: 10_000)
        do {
            try GenerationRequest(image: huge).validate()
        } catch {
            #expect(error.description.count < 300)
        }
    }
}
