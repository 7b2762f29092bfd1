import Foundation

/// Runs the built `seedance` binary as a user would, capturing its exit status and streams.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The binary beside the test bundle (same build folder), whatever the scratch path.
    static let binaryFolder: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.path != "/" {
            if FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("seedance").path) { return folder }
            folder.deleteLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug")
    }()

    static func fixture(_ name: String) -> String {
        repository.appendingPathComponent("fixtures").appendingPathComponent(name).path
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], program: String = "seedance") throws -> Result {
        let process = Process()
        process.executableURL = binaryFolder.appendingPathComponent(program)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NOVITA_API_KEY")
        env.removeValue(forKey: "SEEDANCE_BASE_URL")
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while it runs, so a large output cannot block the child. A dispatch
        // thread, not a Task: blocking the cooperative pool on two cores would deadlock.
        let stdoutBox = DataBox()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { stdoutBox.value = out.fileHandleForReading.readDataToEndOfFile() }
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        group.wait()
        let stdout = stdoutBox.value
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self))
    }

    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("seedance-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Carries the stdout bytes from the reading thread; the group's wait orders the accesses.
private final class DataBox: @unchecked Sendable {
    var value = Data()
}
