import Foundation

/// Runs some of this test executable's tests again in a child process, for a test that must not
/// share its process with the suites running in parallel: one that changes process-wide state
/// (libvips' thread count) or measures the process (its resident memory). The test calls
/// ``run(matching:variable:timeout:)`` and, in the child, where `variable` is set, does its work
/// instead of starting another child.
public enum ChildTestRun {
    /// Whether this process is such a child for `variable`.
    public static func isChild(_ variable: String) -> Bool {
        ProcessInfo.processInfo.environment[variable] == "1"
    }

    /// Runs the Swift Testing tests whose identifiers match `filter` (a regular expression) in
    /// this test executable, started again with `variable` set; returns how the child ended with
    /// its output. Its wait runs on a thread of its own and has a deadline.
    public static func run(matching filter: String, variable: String, timeout: Double = 600) async throws -> ChildProcess.Outcome {
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        guard executable != "/proc/self/exe" else {
            throw ChildProcess.SpawnError(description: "the test executable is found through /proc/self/exe, which this system lacks")
        }
        var environment = ProcessInfo.processInfo.environment
        environment[variable] = "1"
        return try await ChildProcess.run(
            executable, ["--testing-library", "swift-testing", "--filter", filter], environment: environment, timeout: timeout)
    }
}
