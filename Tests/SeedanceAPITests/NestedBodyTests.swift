import Foundation
import SeedanceAPI
import Testing

/// The body writer's nested documents (objects in arrays, Ark's shape): exact text, escaping,
/// the declared length, the fingerprint, and the file `--request-out` writes.
@Suite struct NestedBodyTests {
    private static func produced(_ body: RequestBody, chunkSize: Int = RequestBodyChunks.defaultChunkSize) async -> String {
        var data = Data()
        for await chunk in body.chunks(chunkSize: chunkSize) { chunk.withUnsafeBytes { data.append(contentsOf: $0) } }
        return String(decoding: data, as: UTF8.self)
    }

    private static func body(_ document: RequestJSON) -> RequestBody {
        RequestBody(json: document, model: "m", endpoint: "/e")
    }

    /// Document, its exact JSON text (written by hand).
    static let texts: [(RequestJSON, String)] = [
        (.object([]), "{}"),
        (.array([]), "[]"),
        (.array([.object([]), .array([]), .array([.array([])])]), "[{},[],[[]]]"),
        (.object([("a", .array([.object([("b", .object([("c", .integer(1))]))])]))]), #"{"a":[{"b":{"c":1}}]}"#),
        (
            .array([.integer(.min), .integer(.max), .integer(0), .bool(true), .bool(false)]),
            "[-9223372036854775808,9223372036854775807,0,true,false]"
        ),
        (.string("quote \" backslash \\ slash /"), #""quote \" backslash \\ slash /""#),
        (.string("\n\r\t\u{0}\u{1}\u{1F}\u{7F}"), #""\n\r\t\u0000\u0001\u001f"# + "\u{7F}\""),
        (.string("中文 “引号” 🐱"), "\"中文 “引号” 🐱\""),
        (.object([("k\"ey\n", .string("v"))]), #"{"k\"ey\n":"v"}"#),
        (.frame(FramePayload(role: .first, content: .url("https://e.com/a?x=\"1\""), digest: "d")), #""https://e.com/a?x=\"1\"""#),
        (.object([("same", .integer(1)), ("same", .integer(2))]), #"{"same":1,"same":2}"#),
    ]

    @Test(arguments: texts)
    func writesExactText(document: RequestJSON, text: String) async {
        let body = Self.body(document)
        #expect(await Self.produced(body) == text)
        #expect(body.length == text.utf8.count)
    }

    /// Ark's create call: text and two frames as objects in the `content` array, one inline.
    static func arkDocument(first: Data, last: FramePayload) -> RequestJSON {
        .object([
            ("model", .string("seedance-2-0")),
            (
                "content",
                .array([
                    .object([("type", .string("text")), ("text", .string("a \"cat\" runs"))]),
                    .object([
                        ("type", .string("image_url")), ("image_url", .object([("url", .frame(.inline(first, format: "png", role: .first)))])),
                        ("role", .string("first_frame")),
                    ]),
                    .object([("type", .string("image_url")), ("image_url", .object([("url", .frame(last))])), ("role", .string("last_frame"))]),
                ])
            ),
            ("ratio", .string("16:9")),
            ("duration", .integer(5)),
            ("watermark", .bool(false)),
        ])
    }

    @Test(arguments: [1, 3, 64, RequestBodyChunks.defaultChunkSize])
    func arksNestedBodyStreamsExactlyInAnyChunkSize(chunkSize: Int) async throws {
        let first = Data((0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 1) })
        let last = Data((0..<1001).map { UInt8(truncatingIfNeeded: $0 &* 13) })
        let body = Self.body(Self.arkDocument(first: first, last: .inline(last, format: "jpeg", role: .last)))
        let expected =
            #"{"model":"seedance-2-0","content":[{"type":"text","text":"a \"cat\" runs"},"#
            + #"{"type":"image_url","image_url":{"url":"data:image/png;base64,"# + first.base64EncodedString() + #""},"role":"first_frame"},"#
            + #"{"type":"image_url","image_url":{"url":"data:image/jpeg;base64,"# + last.base64EncodedString() + #""},"role":"last_frame"}],"#
            + #""ratio":"16:9","duration":5,"watermark":false}"#
        let text = await Self.produced(body, chunkSize: chunkSize)
        #expect(text == expected)
        #expect(body.length == expected.utf8.count, "the length is known before the first byte")
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let content = try #require(parsed["content"] as? [[String: Any]])
        #expect((content[1]["image_url"] as? [String: Any])?["url"] as? String == "data:image/png;base64," + first.base64EncodedString())
    }

    /// The fingerprint equals SHA-256 over the whole produced body with each frame's base64
    /// replaced by `sha256:<digest of its bytes>`; the same frame twice is replaced twice.
    @Test func fingerprintEqualsAReferenceOverTheWholeBody() async {
        let first = Data((0..<4099).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let last = Data((0..<77).map { UInt8(truncatingIfNeeded: $0) })
        let documents: [(RequestJSON, [Data])] = [
            (Self.arkDocument(first: first, last: .inline(last, format: "webp", role: .last)), [first, last]),
            (Self.arkDocument(first: first, last: .inline(first, format: "png", role: .last)), [first, first]),
            (Self.arkDocument(first: first, last: FramePayload(role: .last, content: .url("https://e.com/x"), digest: "d")), [first]),
        ]
        var fingerprints = Set<String>()
        for (document, frames) in documents {
            let body = Self.body(document)
            var reference = await Self.produced(body, chunkSize: 64)
            for frame in frames {
                let range = reference.range(of: frame.base64EncodedString())
                #expect(range != nil)
                if let range { reference.replaceSubrange(range, with: "sha256:" + SHA256Hex.digest(of: frame)) }
            }
            #expect(body.fingerprint == SHA256Hex.digest(of: reference))
            fingerprints.insert(body.fingerprint)
        }
        #expect(fingerprints.count == documents.count)
    }

    @Test func theFileHoldsTheBytesThePostSends() async throws {
        let first = Data((0..<300_001).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) })
        let body = Self.body(Self.arkDocument(first: first, last: .inline(first, format: "png", role: .last)))
        try await withScratchFolder("nested") { folder in
            let file = folder.appendingPathComponent("body.json")
            try body.write(to: file)
            let streamed = await Self.produced(body)
            #expect(String(decoding: try Data(contentsOf: file), as: UTF8.self) == streamed, "--request-out writes the bytes the POST sends")
        }
        #expect(body.producedByteCount(chunkSize: 999) == body.length)
    }
}
