import Foundation
import Testing

/// `seedance models`, `--model NAME|FILE.json`, and each model's fields checked before anything is read.
@Suite struct ModelCommandTests {
    @Test func modelsJSONListsBothModelsWithTheirRules() async throws {
        let listed = try await CommandRunner.run(["models", "--json"])
        #expect(listed.status == 0, "\(listed.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
        #expect(document["default_model"] as? String == "seedance-v1.5-pro")
        let models = try #require(document["models"] as? [[String: Any]])
        #expect(models.compactMap { $0["name"] as? String } == ["seedance-v1.5-pro", "seedance-2.0"])
        let v20 = try #require(models.last)
        #expect(v20["endpoint"] as? String == "/v3/async/seedance-2.0")
        let duration = try #require((v20["fields"] as? [[String: Any]])?.first { $0["name"] as? String == "duration" })
        #expect(duration["range"] as? [Int] == [4, 15])
        #expect((models.first?["output_sizes"] as? [String: [String: [Int]]])?["720p"]?["16:9"] == [1280, 720])
        #expect(models.first?["price"] != nil && v20["price"] == nil, "2.0's price is unknown, not guessed")
        let human = try await CommandRunner.run(["models"])
        #expect(human.status == 0 && human.stdout.contains("1080p") && human.stdout.contains("price: unknown"))
    }

    @Test func durationFifteenIsAllowedByTwoPointZeroOnly() async throws {
        let first = TestPaths.fixture("good-first.jpg")
        let v15 = try await CommandRunner.run(["submit", first, "--prompt", "x", "--duration", "15", "--dry-run"])
        #expect(v15.status == 64)
        #expect(
            v15.stderr.contains("duration") && v15.stderr.contains("15") && v15.stderr.contains("4…12") && v15.stderr.contains("seedance-v1.5-pro"),
            "\(v15.stderr)")
        let v20 = try await CommandRunner.run(["submit", first, "--model", "seedance-2.0", "--duration", "15", "--dry-run", "--json"])
        #expect(v20.status == 0, "\(v20.stderr)")
        #expect(v20.stdout.contains("\"model\" : \"seedance-2.0\""))
        let fast = try await CommandRunner.run(["submit", first, "--model", "seedance-2.0", "--resolution", "1080p", "--fast", "--dry-run"])
        #expect(fast.status == 64 && fast.stderr.contains("fast=false"), "\(fast.stderr)")
        let warned = try await CommandRunner.run(["submit", first, "--prompt", "x", "--resolution", "1080p", "--dry-run"])
        #expect(warned.status == 0 && warned.stderr.contains("warning") && warned.stderr.contains("1080p"), "\(warned.stderr)")
        let wrongField = try await CommandRunner.run(["submit", first, "--prompt", "x", "--fast", "--dry-run"])
        #expect(wrongField.status == 64 && wrongField.stderr.contains("not a field of seedance-v1.5-pro"), "\(wrongField.stderr)")
    }

    @Test func aModelFileWithABadKeyIsRefusedNamingIt() async throws {
        try await withScratchFolder("cli") { folder in
            let listed = try await CommandRunner.run(["models", "--json"])
            let document = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
            var model = try #require((document["models"] as? [[String: Any]])?.first)
            model["name"] = "my-model"
            let good = folder.appendingPathComponent("good.json")
            try JSONSerialization.data(withJSONObject: model).write(to: good)
            let accepted = try await CommandRunner.run([
                "submit", TestPaths.fixture("good-first.jpg"), "--prompt", "x", "--model", good.path, "--dry-run", "--json",
            ])
            #expect(accepted.status == 0, "\(accepted.stderr)")
            #expect(accepted.stdout.contains("my-model"))

            var image = try #require(model["image"] as? [String: Any])
            image["max_sidee"] = 10
            model["image"] = image
            let bad = folder.appendingPathComponent("bad.json")
            try JSONSerialization.data(withJSONObject: model).write(to: bad)
            let refused = try await CommandRunner.run([
                "submit", TestPaths.fixture("good-first.jpg"), "--prompt", "x", "--model", bad.path, "--dry-run",
            ])
            #expect(refused.status == 64)
            #expect(refused.stderr.contains("image.max_sidee"), "\(refused.stderr)")
            let unknown = try await CommandRunner.run(["models", "--model", "seedance-9"])
            #expect(unknown.status == 64 && unknown.stderr.contains("seedance-2.0"))
        }
    }
}
