import SeedanceAPI
import Testing

/// One version, written once, reported by both executables.
@Suite struct VersionTests {
    @Test("--version prints the package version", arguments: ["seedance", "seedance-stub"])
    func version(_ program: String) async throws {
        let result = try await CommandRunner.run(["--version"], program: program)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == SeedanceVersion.current)
        #expect(SeedanceVersion.userAgent == "seedance/\(SeedanceVersion.current)")
    }
}
