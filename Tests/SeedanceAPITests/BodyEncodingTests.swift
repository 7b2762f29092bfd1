import Foundation
import NIOCore
import SeedanceAPI
import Testing

@Suite struct BodyEncodingTests {
    private func object(_ request: GenerationRequest) throws -> [String: Any] {
        let body = try request.encodedBody()
        let data = Data(body.readableBytesView)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func unsetFieldsAreOmitted() throws {
        #expect(Set(try object(GenerationRequest(image: "https://e.com/a.png")).keys) == ["image"])
    }

    @Test func everyFieldUsesTheProvidersName() throws {
        let request = GenerationRequest(
            image: pngDataURI(), lastImage: pngDataURI(), prompt: "p", duration: 6, resolution: .p480, ratio: .adaptive,
            fps: 24, seed: 42, watermark: true, cameraFixed: false, serviceTier: .flex, generateAudio: false,
            executionExpiresAfter: 7200)
        let fields = try object(request)
        #expect(Set(fields.keys) == [
            "image", "last_image", "prompt", "duration", "resolution", "ratio", "fps", "seed", "watermark",
            "camera_fixed", "service_tier", "generate_audio", "execution_expires_after",
        ])
        #expect(fields["resolution"] as? String == "480p")
        #expect(fields["execution_expires_after"] as? Int == 7200)
        #expect(fields["camera_fixed"] as? Bool == false)
        #expect(fields["image"] as? String == request.image)
    }

    @Test(arguments: ["quote \" backslash \\ newline \n tab \t bell \u{07}", "中文提示 “引号”", "emoji 🐱"])
    func promptsRoundTrip(prompt: String) throws {
        #expect(try object(GenerationRequest(image: "https://e.com/a?x=\"1\"", prompt: prompt))["prompt"] as? String == prompt)
    }

    @Test func fingerprintIsStableAndIgnoresNothingButIsSmall() throws {
        let request = StubHarness.request
        #expect(try request.fingerprint() == (try request.fingerprint()))
        #expect(try request.fingerprint().count == 64)
        var other = request
        other.duration = 6
        #expect(try other.fingerprint() != (try request.fingerprint()))
    }

    @Test func twentyMegabyteFramesEncodeIntoOneExactBody() throws {
        let payload = String(repeating: "QUJD", count: 5_000_000)
        let image = "data:image/png;base64," + payload
        let request = GenerationRequest(image: image, lastImage: image, prompt: "p")
        let start = ContinuousClock.now
        let body = try request.encodedBody()
        let elapsed = start.duration(to: .now)
        #expect(body.readableBytes == 2 * image.utf8.count + #"{"image":"","last_image":"","prompt":"p"}"#.utf8.count)
        // Debug builds are far slower than release; this only guards against accidental quadratic work.
        #expect(elapsed < .seconds(5))
    }
}
