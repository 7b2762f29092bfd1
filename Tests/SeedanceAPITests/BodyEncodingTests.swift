import Foundation
import SeedanceAPI
import Testing

@Suite struct BodyEncodingTests {
    /// The whole body, collected from the same chunks the POST streams.
    private func bytes(_ request: GenerationRequest, chunkSize: Int = RequestBodyChunks.defaultChunkSize) async throws -> Data {
        let body = try NovitaRequestLayout.body(for: request)
        var data = Data()
        for await chunk in body.chunks(chunkSize: chunkSize) { chunk.withUnsafeBytes { data.append(contentsOf: $0) } }
        #expect(data.count == body.length, "the declared length is the length sent")
        return data
    }

    private func object(_ request: GenerationRequest) async throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: try await bytes(request)) as? [String: Any])
    }

    @Test func unsetFieldsAreOmitted() async throws {
        #expect(Set(try await object(makeRequest(["prompt": .string("p")])).keys) == ["image", "prompt"])
    }

    @Test func everyFieldUsesTheProvidersNameInModelOrder() async throws {
        let request = makeRequest(
            [
                "prompt": .string("p"), "duration": .integer(6), "resolution": .string("480p"), "ratio": .string("adaptive"),
                "fps": .integer(24), "seed": .integer(42), "watermark": .bool(true), "camera_fixed": .bool(false),
                "service_tier": .string("flex"), "generate_audio": .bool(false), "execution_expires_after": .integer(7200),
            ], last: .inline(pngBytes(extraBytes: 7), format: "png", role: .last))
        let text = String(decoding: try await bytes(request), as: UTF8.self)
        let order = VideoModel.defaultModel.fields.map(\.name)
        let positions = order.compactMap { text.range(of: "\"\($0)\":")?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted(), "fields follow the model's order")
        let fields = try await object(request)
        #expect(fields["resolution"] as? String == "480p")
        #expect(fields["execution_expires_after"] as? Int == 7200)
        #expect(fields["camera_fixed"] as? Bool == false)
    }

    @Test(arguments: ["quote \" backslash \\ newline \n tab \t bell \u{07}", "中文提示 “引号”", "emoji 🐱"])
    func promptsRoundTrip(prompt: String) async throws {
        let request = makeRequest(["prompt": .string(prompt)], first: FramePayload(role: .first, content: .url("https://e.com/a?x=1"), digest: "d"))
        #expect(try await object(request)["prompt"] as? String == prompt)
    }

    /// novita's flat body, every field set, byte for byte as the flat writer wrote it before
    /// the writer learned nesting (the expected text is written out by hand).
    @Test func novitasFlatBodyIsUnchanged() async throws {
        let first = Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0xFF, 0x10])
        let request = makeRequest(
            [
                "prompt": .string("a \"cat\"\n"), "duration": .integer(6), "resolution": .string("480p"), "ratio": .string("adaptive"),
                "fps": .integer(24), "seed": .integer(-1), "watermark": .bool(true), "camera_fixed": .bool(false),
                "service_tier": .string("flex"), "generate_audio": .bool(false), "execution_expires_after": .integer(7200),
            ], first: .inline(first, format: "png", role: .first), last: FramePayload(role: .last, content: .url("https://e.com/l.png"), digest: "d"))
        let expected =
            #"{"image":"data:image/png;base64,iVBORwD/EA==","last_image":"https://e.com/l.png","prompt":"a \"cat\"\n","#
            + #""duration":6,"resolution":"480p","ratio":"adaptive","fps":24,"seed":-1,"watermark":true,"camera_fixed":false,"#
            + #""service_tier":"flex","generate_audio":false,"execution_expires_after":7200}"#
        #expect(String(decoding: try await bytes(request, chunkSize: 3), as: UTF8.self) == expected)
    }

    @Test func fingerprintIsStableAndChangesWithParametersAndFrames() throws {
        let request = StubHarness.request
        let fingerprint = try NovitaRequestLayout.body(for: request).fingerprint
        #expect(try NovitaRequestLayout.body(for: request).fingerprint == fingerprint)
        #expect(fingerprint.count == 64)
        var other = request
        other.parameters["duration"] = .integer(6)
        #expect(try NovitaRequestLayout.body(for: other).fingerprint != fingerprint)
        var otherFrame = request
        otherFrame.frames[0] = .inline(pngBytes(extraBytes: 65), format: "png", role: .first)
        #expect(try NovitaRequestLayout.body(for: otherFrame).fingerprint != fingerprint)
    }

    /// Sizes around every 3-byte boundary and the chunk size, with small chunks so frames span many.
    @Test(arguments: [1, 2, 3, 4, 5, 299, 300, 301, 3 * 64 + 1])
    func twoFramesDecodeBackToTheExactBytes(size: Int) async throws {
        let first = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        let last = Data((0..<(size + 1)).map { UInt8(truncatingIfNeeded: $0 &* 17 &+ 3) })
        let request = makeRequest(first: .inline(first, format: "jpeg", role: .first), last: .inline(last, format: "webp", role: .last))
        let fields = try #require(try JSONSerialization.jsonObject(with: try await bytes(request, chunkSize: 64)) as? [String: Any])
        for (field, format, expected) in [("image", "jpeg", first), ("last_image", "webp", last)] {
            let uri = try #require(fields[field] as? String)
            let prefix = "data:image/\(format);base64,"
            #expect(uri.hasPrefix(prefix))
            #expect(Data(base64Encoded: String(uri.dropFirst(prefix.count))) == expected)
        }
    }

    @Test func twentyMegabyteFramesStreamIntoOneExactBodyAndTheFileHoldsTheSameBytes() async throws {
        let frame = Data((0..<20_000_000).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) })
        let request = makeRequest(first: .inline(frame, format: "jpeg", role: .first), last: .inline(frame, format: "jpeg", role: .last))
        let streamed = try await bytes(request)
        let body = try NovitaRequestLayout.body(for: request)
        let overhead = #"{"image":"data:image/jpeg;base64,","last_image":"data:image/jpeg;base64,","prompt":"p"}"#.utf8.count
        #expect(body.length == 2 * 4 * ((frame.count + 2) / 3) + overhead)
        try withScratchFolder("body") { folder in
            let file = folder.appendingPathComponent("body.json")
            try body.write(to: file)
            #expect(try Data(contentsOf: file) == streamed, "--request-out writes the bytes the POST sends")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["body.json"], "no temporary file is left")
        }
    }
}
