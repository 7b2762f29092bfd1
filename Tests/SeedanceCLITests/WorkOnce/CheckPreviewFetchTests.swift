import Foundation
import FrameKit
import SeedanceKit
import Testing

/// `check --preview` and `preview` fetch each URL frame once: the bytes checked are the bytes
/// prepared and drawn. Counted by the in-process server the command fetches from.
@Suite struct CheckPreviewFetchTests {
    static let environment = ["SEEDANCE_ALLOW_PRIVATE_URLS": "1", "SEEDANCE_FRAME_ISOLATION": "in-process"]

    @Test(arguments: [["check"], ["preview"]])
    func eachURLIsFetchedOnce(command: [String]) async throws {
        try await withScratchFolder("check-preview-fetch") { folder in
            let sheet = folder.appendingPathComponent("sheet.png").path
            try await FixtureServer.with(serving: TestPaths.fixtures) { server in
                let first = server.url("/bad-first-sideways.jpg").absoluteString
                let last = server.url("/good-last.jpg").absoluteString
                let arguments =
                    command == ["check"]
                    ? ["check", first, "--last", last, "--preview", sheet] : ["preview", first, "--last", last, "--output", sheet]
                let result = try await CommandRunner.run(arguments, environment: Self.environment)
                #expect([0, 1].contains(result.status), "\(result.stderr)")
                #expect(try FrameInspector().inspect(.file(sheet)).format == .png, "the sheet was written")
                #expect(server.requests(to: "/bad-first-sideways.jpg") == 1, "\(command): first frame fetched once")
                #expect(server.requests(to: "/good-last.jpg") == 1, "\(command): last frame fetched once")
            }
        }
    }

    /// A value the model refuses is refused once, before anything is fetched.
    @Test func aRefusedValueFetchesNothing() async throws {
        try await FixtureServer.with(serving: TestPaths.fixtures) { server in
            let result = try await CommandRunner.run(
                ["preview", server.url("/good-first.jpg").absoluteString, "--ratio", "5:2", "--output", "/tmp/unused-sheet.png"],
                environment: Self.environment)
            #expect(result.status == 64, "\(result.stderr)")
            #expect(server.totalRequests == 0)
        }
    }
}
