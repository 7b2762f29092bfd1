import Foundation
import SeedanceStub
import Testing

/// The libraries say what happened in typed kinds; the command line adds what to do, with its
/// own flags and commands. Each refusal here must reach the user with its advice.
@Suite struct ProviderAdviceTests {
    @Test func aRefusedKeyIsAnsweredWithTheVariableToCheck() async throws {
        let run = try await SeedanceStub.with(StubConfiguration(apiKey: "sk-the-right-key-0123456789")) { stub in
            try await withScratchFolder("advice") { folder in
                try await CommandRunner.run(
                    ["submit", TestPaths.fixture("good-first.jpg"), "--prompt", "x"],
                    environment: [
                        "NOVITA_API_KEY": "sk-a-wrong-key-9876543210", "SEEDANCE_BASE_URL": stub.baseURL.absoluteString,
                        "XDG_STATE_HOME": folder.path,
                    ])
            }
        }
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("INVALID_API_KEY"))
        #expect(run.stderr.contains("NOVITA_API_KEY for novita"), "\(run.stderr)")
        #expect(!run.stderr.contains("sk-a-wrong-key-9876543210"))
    }
}
