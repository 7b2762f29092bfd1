import Foundation
import FrameKit
import SeedanceAPI
import SeedanceKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `batch --report DIR`: checked before any work (a folder that cannot be written is exit 74,
/// not a surprise after a paid run), then written by the library.
struct BatchReportOutput {
    let directory: URL

    init(_ path: String) {
        directory = URL(fileURLWithPath: path).standardizedFileURL
    }

    /// DIR must be a writable folder, or creatable: its nearest existing parent a writable folder.
    func checkWritable() throws {
        var folder = directory
        while !FileManager.default.fileExists(atPath: folder.path), folder.pathComponents.count > 1 {
            folder = folder.deletingLastPathComponent()
        }
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder)
        guard exists, isFolder.boolValue, access(folder.path, W_OK | X_OK) == 0 else {
            let why = !exists ? "it cannot be created" : !isFolder.boolValue ? "\(folder.path) is not a folder" : "\(folder.path) is not writable"
            Terminal.diagnostic("seedance: --report \(directory.path): \(why); choose a folder you can write")
            throw ExitStatus.localIO.exitCode
        }
    }

    /// What a run's preparation makes for the report (its thumbnails, drawn as each item is
    /// prepared), so the report after the run shows the frames sent and prepares none again.
    /// Made before the run: a folder that cannot be created is exit 74 with nothing sent.
    func recorder(policy: Policy) throws -> BatchReportRecorder {
        do {
            return try BatchReportRecorder(reportDirectory: directory, policy: policy)
        } catch {
            Terminal.diagnostic("seedance: --report \(directory.path): \(error); choose a folder you can write")
            throw ExitStatus.localIO.exitCode
        }
    }

    /// Builds and writes the report; a failure to write is exit 74.
    func write(
        _ plan: BatchPlan, manifest: Manifest, summary: BatchRunSummary? = nil, recorded: BatchReportRecorder? = nil,
        submitter: VideoSubmitter, workers: Int?, title: String
    ) async throws {
        let started = ContinuousClock.now
        let writer = BatchReportWriter(builder: BatchReportBuilder(submitter: submitter, workers: workers))
        do {
            let report = try await writer.write(plan, manifest: manifest, summary: summary, recorded: recorded, title: title, to: directory)
            let elapsed = (ContinuousClock.now - started).components
            let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
            Terminal.diagnostic(
                "report: \(BatchReportWriter.index(in: directory).path) (\(report.rows.count) line(s), "
                    + String(format: "%.1f s", seconds) + ")")
        } catch let error as CancellationError {
            throw error
        } catch {
            Terminal.diagnostic("seedance: the report could not be written: \(error)")
            throw ExitStatus.localIO.exitCode
        }
    }
}
