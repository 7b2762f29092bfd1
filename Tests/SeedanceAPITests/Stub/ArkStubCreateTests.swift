import Foundation
import SeedanceAPI
import SeedanceStub
import Testing

/// The stand-in's Ark create call against ../shared/providers-ark.md: wire ids of both regions,
/// roles, the parameter table per family, frames judged by the stand-in's own readers. Every
/// expected code and param is written by hand from the contract.
@Suite struct ArkStubCreateTests {
    @Test func aValid20BodyRunsToSucceededWithUsage() async throws {
        try await ArkStubHarness.run { ark in
            let id = try await ark.createdID(
                try ArkStubHarness.body(extra: ["ratio": "adaptive", "duration": 5, "resolution": "720p", "generate_audio": false]))
            #expect(id.hasPrefix("cgt-"))
            var statuses: [String] = []
            var last = try await ark.retrieve(id)
            statuses.append(last.json["status"] as? String ?? "?")
            while !["succeeded", "failed"].contains(statuses.last!), statuses.count < 6 {
                last = try await ark.retrieve(id)
                statuses.append(last.json["status"] as? String ?? "?")
            }
            #expect(statuses == ["queued", "running", "succeeded"])
            let body = last.json
            #expect(body["id"] as? String == id)
            #expect(body["model"] as? String == ArkStubHarness.v20)
            // adaptive is reported as what it chose; 1280×720×(24·5+1)/1024 = 108,900 (the contract's example).
            #expect(body["ratio"] as? String == "16:9")
            #expect(body["resolution"] as? String == "720p")
            #expect(body["duration"] as? Int == 5)
            #expect(body["service_tier"] as? String == "default")
            #expect(body["generate_audio"] as? Bool == false)
            let usage = try #require(body["usage"] as? [String: Any])
            #expect(usage["completion_tokens"] as? Int == 108_900)
            #expect(usage["total_tokens"] as? Int == 108_900)
            let created = try #require(body["created_at"] as? Int)
            #expect(abs(created - Int(Date().timeIntervalSince1970)) < 60)
            #expect(body["seed"] as? Int != nil)
            let content = try #require(body["content"] as? [String: Any])
            #expect(content["last_frame_url"] == nil)
            let video = try await ark.call(.get, try #require(content["video_url"] as? String), key: nil)
            #expect(video.status == 200)
            #expect(Array(video.bytes[4..<8]) == Array("ftyp".utf8))
            #expect(ark.stub.arkCreateCount == 1)
            let recorded = try #require(ark.stub.arkRequests.first { $0.method == "POST" })
            #expect(recorded.uri == "/api/v3/contents/generations/tasks")
            #expect(recorded.text.contains("\"role\":\"last_frame\""))
        }
    }

    @Test func theLastFrameIsAPNGOfTheVideosSizeAndTheSentSeedIsEchoed() async throws {
        try await ArkStubHarness.run(ArkStubConfiguration(queuedPolls: 0, runningPolls: 0, listWindow: .zero)) { ark in
            let id = try await ark.createdID(
                try ArkStubHarness.body(extra: ["ratio": "9:16", "resolution": "480p", "duration": 4, "seed": 42, "return_last_frame": true]))
            let body = try await ark.poll(id).json
            #expect(body["seed"] as? Int == 42)
            #expect(body["ratio"] as? String == "9:16")
            // 496×864×97/1024, rounded down.
            #expect((body["usage"] as? [String: Any])?["completion_tokens"] as? Int == 496 * 864 * 97 / 1024)
            let url = try #require((body["content"] as? [String: Any])?["last_frame_url"] as? String)
            let png = try await ark.call(.get, url, key: nil)
            #expect(png.status == 200)
            #expect(Array(png.bytes.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            let size = png.bytes[16..<24].reduce(into: [UInt8]()) { $0.append($1) }
            let width = size[0..<4].reduce(0) { $0 << 8 | Int($1) }
            let height = size[4..<8].reduce(0) { $0 << 8 | Int($1) }
            #expect((width, height) == (496, 864))
            // The stand-in's own reader accepts it as a PNG of that size.
            #expect(FrameRulesValidator.validate(Data(png.bytes), "png")?.reason != "INVALID_IMAGE_FORMAT")
        }
    }

    /// Every wire id of both regions and an endpoint id is accepted; an unknown one is 404.
    @Test(arguments: [
        ("seedance-1-5-pro-251215", 200), ("dreamina-seedance-2-0-260128", 200), ("dreamina-seedance-2-0-fast-260128", 200),
        ("dreamina-seedance-2-0-mini-260615", 200), ("dreamina-seedance-2-5-260628", 200),
        ("doubao-seedance-1-5-pro-251215", 200), ("doubao-seedance-2-0-260128", 200), ("doubao-seedance-2-0-fast-260128", 200),
        ("doubao-seedance-2-0-mini-260615", 200), ("doubao-seedance-2-5-260628", 200), ("ep-20260101-abcde", 200),
        ("seedance-v1.5-pro", 404), ("dreamina-seedance-2-0-mini", 404), ("doubao-seedance-1-0-pro-250528", 404), ("ep-", 404),
    ])
    func wireIDs(model: String, status: Int) async throws {
        try await ArkStubHarness.run { ark in
            let answer = try await ark.create(try ArkStubHarness.body(model: model))
            #expect(answer.status == status, "\(String(decoding: answer.bytes, as: UTF8.self))")
            if status == 404 {
                #expect(answer.errorCode == "InvalidEndpointOrModel.NotFound")
                #expect(ark.stub.arkTaskCount == 0)
            }
        }
    }

    @Test func aWrongKeyIsAuthenticationErrorInTheEnvelope() async throws {
        try await ArkStubHarness.run { ark in
            for key in ["wrong", nil] as [String?] {
                let answer = try await ark.call(.post, "/contents/generations/tasks", body: try ArkStubHarness.body(), key: key)
                #expect(answer.status == 401)
                #expect(answer.errorCode == "AuthenticationError")
                let error = try #require(answer.json["error"] as? [String: Any])
                #expect(Set(error.keys) == ["code", "message", "param", "type"])
                #expect(error["type"] as? String == "Unauthorized")
            }
            #expect(ark.stub.arkTaskCount == 0)
            #expect(ark.stub.arkCreateCount == 2)
        }
    }

    @Test func twoImagesNeedBothRoles() async throws {
        try await ArkStubHarness.run { ark in
            let frame = try ArkStubHarness.dataURI("accepted.png", format: "png")
            for roles in [("first_frame", nil), (nil, "last_frame"), (nil, nil)] as [(String?, String?)] {
                let answer = try await ark.create([
                    "model": ArkStubHarness.v20,
                    "content": [
                        ["type": "text", "text": "p"], ArkStubHarness.image(frame, role: roles.0), ArkStubHarness.image(frame, role: roles.1),
                    ],
                ])
                #expect(answer.status == 400)
                #expect(answer.errorCode == "InvalidParameter")
                #expect(answer.errorMessage?.hasPrefix("role must be specified for image contents") == true)
            }
            // One image without a role is a first frame.
            let single = try await ark.create(["model": ArkStubHarness.v20, "content": [ArkStubHarness.image(frame, role: nil)]])
            #expect(single.status == 200)
            #expect(ark.stub.arkTaskCount == 1)
        }
    }

    @Test func contentShapes() async throws {
        try await ArkStubHarness.run { ark in
            let frame = try ArkStubHarness.dataURI("accepted.png", format: "png")
            let text: [String: Any] = ["type": "text", "text": "p"]
            let refused: [[Any]] = [
                [text, text],
                [ArkStubHarness.image(frame, role: "last_frame")],
                [ArkStubHarness.image(frame, role: "first_frame"), ArkStubHarness.image(frame, role: "first_frame")],
                [ArkStubHarness.image(frame, role: "first_frame"), ArkStubHarness.image(frame, role: "reference_image")],
                [ArkStubHarness.image(frame, role: "middle_frame")],
                [["type": "video_url", "video_url": ["url": "https://example.com/a.mp4"]]],
                [],
            ]
            for content in refused {
                let answer = try await ark.create(["model": ArkStubHarness.v20, "content": content])
                #expect(answer.status == 400, "\(content)")
            }
            let missing = try await ark.create(["model": ArkStubHarness.v20])
            #expect(missing.errorCode == "MissingParameter")
            #expect(missing.errorParam == "content")
            // Text only, URLs as they are, reference images on 2.x.
            for content in [
                [text], [text, ArkStubHarness.image("https://example.com/a.jpg", role: nil)],
                [ArkStubHarness.image(frame, role: "reference_image"), ArkStubHarness.image(frame, role: "reference_image")],
            ] as [[Any]] {
                let answer = try await ark.create(["model": ArkStubHarness.v20, "content": content])
                #expect(answer.status == 200, "\(String(decoding: answer.bytes, as: UTF8.self))")
            }
            let pro = try await ark.create([
                "model": "seedance-1-5-pro-251215", "content": [ArkStubHarness.image(frame, role: "reference_image")],
            ])
            #expect(pro.status == 400)
            #expect(ark.stub.arkTaskCount == 3)
        }
    }

    /// Frames judged by the stand-in's own readers and the contract's Rule; `param` names the item.
    @Test(arguments: [
        ("edge-300x400.png", "png", "content[1]"), ("edge-1000x2500.png", "png", "content[1]"),
        ("jpeg-named.png", "png", "content[1]"), ("good-first.jpg", "jpg", "content[1]"), ("good-first.jpg", "JPEG", "content[1]"),
        ("refused.heic", "heic", "content[1]"), ("random-bytes.bin", "jpeg", "content[1]"),
    ])
    func badFramesAreRefusedWithTheirParam(fixture: String, format: String, param: String) async throws {
        try await ArkStubHarness.run { ark in
            let bad = try ArkStubHarness.dataURI(fixture, format: format)
            let good = try ArkStubHarness.dataURI("accepted.png", format: "png")
            for (first, last, param) in [(bad, good, param), (good, bad, "content[2]")] {
                let answer = try await ark.create([
                    "model": ArkStubHarness.v20,
                    "content": [
                        ["type": "text", "text": "p"], ArkStubHarness.image(first, role: "first_frame"),
                        ArkStubHarness.image(last, role: "last_frame"),
                    ],
                ])
                #expect(answer.status == 400)
                #expect(answer.errorCode == "InvalidParameter")
                #expect(answer.errorParam == param)
            }
            #expect(ark.stub.arkTaskCount == 0)
        }
    }

    @Test(arguments: ["good-first.jpg", "edge-301x400.png", "accepted.webp"])
    func goodFramesPass(fixture: String) async throws {
        let format = ["jpg": "jpeg", "png": "png", "webp": "webp"][URL(fileURLWithPath: fixture).pathExtension]!
        try await ArkStubHarness.run { ark in
            let frame = try ArkStubHarness.dataURI(fixture, format: format)
            let answer = try await ark.create(["model": ArkStubHarness.v20, "content": [ArkStubHarness.image(frame, role: "first_frame")]])
            #expect(answer.status == 200, "\(String(decoding: answer.bytes, as: UTF8.self))")
        }
    }

    @Test func novitaAndArkShareOnePort() async throws {
        try await ArkStubHarness.run { ark in
            let novita = try await ark.call(.get, ark.stub.baseURL.absoluteString + "/v3/async/task-result?task_id=none", key: ArkStubHarness.key)
            #expect(novita.status == 404)
            #expect(novita.json["reason"] as? String == "TASK_NOT_FOUND")
            let unknown = try await ark.retrieve("cgt-none")
            #expect(unknown.status == 404)
            #expect(unknown.errorCode != nil)
        }
    }
}
