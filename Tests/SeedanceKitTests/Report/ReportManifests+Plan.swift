import Foundation
import SeedanceAPI
import SeedanceKit

extension ReportManifests {
    /// Reads and plans `lines` written into `folder` (videos go to `folder/videos`).
    static func plan(_ lines: [String], in folder: URL) throws -> (Manifest, BatchPlan) {
        let path = try BatchManifestFixtures.write(lines, to: folder)
        let manifest = try ManifestReader(requestFields: BatchRequestFields.names(of: VideoModel.builtIn)).read(
            contentsOf: URL(fileURLWithPath: path))
        let planner = BatchPlanner(defaults: ["resolution": .string("480p")], outputDirectory: folder.appendingPathComponent("videos"))
        return (manifest, planner.plan(manifest))
    }
}
