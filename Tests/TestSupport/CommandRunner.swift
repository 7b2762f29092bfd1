import Foundation

/// Runs the built `seedance` (or `seedance-stub`) as a user would, capturing its exit status
/// and streams, with no provider settings leaking in from the developer's environment. The wait
/// runs on a thread of its own (``ChildProcess/run(_:_:environment:timeout:killWhen:)``).
public enum CommandRunner {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    public static func run(
        _ arguments: [String], environment: [String: String] = [:], program: String = "seedance",
        timeout: Double = 120
    ) async throws -> Result {
        guard let executable = TestPaths.executable(program) else {
            throw ChildProcess.SpawnError(
                description: "no \(program) beside the test bundle; build it first (swift build --build-tests), or set SEEDANCE_BIN")
        }
        var variables = ProcessInfo.processInfo.environment
        variables.removeValue(forKey: "NOVITA_API_KEY")
        variables.removeValue(forKey: "SEEDANCE_BASE_URL")
        variables.merge(environment) { $1 }
        let outcome = try await ChildProcess.run(executable, arguments, environment: variables, timeout: timeout)
        return Result(status: outcome.shellStatus, stdout: outcome.standardOutput, stderr: outcome.standardError)
    }
}
