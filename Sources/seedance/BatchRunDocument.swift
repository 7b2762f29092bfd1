import SeedanceKit

/// `batch --json`: the run's summary, plus the exit code this command ends with (the numbers
/// are the CLI's, from ``ExitStatus``; the library names outcomes only).
struct BatchRunDocument: Encodable {
    var summary: BatchRunSummary
    var exitCode: Int32

    enum CodingKeys: String, CodingKey {
        case exitCode = "exit_code"
    }

    func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(exitCode, forKey: .exitCode)
    }
}
