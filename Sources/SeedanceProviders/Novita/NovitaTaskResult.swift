internal import Foundation
internal import SeedanceCore

/// novita's task-result answer and status names, read into the seam's ``TaskSnapshot``.
enum NovitaTaskResult {
    static let path = "/v3/async/task-result"

    static func status(_ name: String) -> TaskStatus {
        switch name {
        case "TASK_STATUS_QUEUED": .queued
        case "TASK_STATUS_PROCESSING": .running
        case "TASK_STATUS_SUCCEED": .succeeded
        case "TASK_STATUS_FAILED": .failed
        default: .other(name)
        }
    }

    /// Decodes a task-result body; fields documented as strings may also be numbers.
    static func snapshot(json: Data) throws(SeedanceError) -> TaskSnapshot {
        let wire: Wire
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            wire = try decoder.decode(Wire.self, from: json)
        } catch {
            throw SeedanceError(.malformedResponse, "task-result answer is not the expected JSON (\(DecodingErrorSummary.describe(error)))")
        }
        let status = status(wire.task.status)
        let reason = wire.task.reason ?? ""
        return TaskSnapshot(
            taskID: wire.task.taskId,
            status: status,
            reason: reason,
            // novita gives a failed task a reason text and no separate code.
            errorCode: nil,
            eta: wire.task.eta.flatMap { Double($0.value) }.map { Int($0) },
            progressPercent: wire.task.progressPercent.flatMap { Double($0.value) }.map { Int($0) },
            videos: (wire.videos ?? []).map { TaskSnapshot.Video(url: $0.videoUrl, ttl: $0.videoUrlTtl?.value, type: $0.videoType) },
            seed: wire.extra?.seed?.value)
    }

    /// The create call's answer: `{"task_id": "…"}`; nil when it holds none.
    static func createdTaskID(in body: [UInt8]) -> String? {
        struct Created: Decodable {
            var taskID: String
            enum CodingKeys: String, CodingKey { case taskID = "task_id" }
        }
        guard let id = try? JSONDecoder().decode(Created.self, from: Data(body)).taskID, !id.isEmpty else { return nil }
        return id
    }

    /// The JSON shape of task-result (snake_case on the wire), kept private so the snapshot can differ from it.
    private struct Wire: Decodable {
        struct Task: Decodable {
            var taskId: String
            var status: String
            var reason: String?
            var eta: LenientString?
            var progressPercent: LenientString?
        }

        struct Video: Decodable {
            var videoUrl: String
            var videoUrlTtl: LenientString?
            var videoType: String?
        }

        struct Extra: Decodable {
            var seed: LenientString?
        }

        var task: Task
        var videos: [Video]?
        var extra: Extra?
    }
}
