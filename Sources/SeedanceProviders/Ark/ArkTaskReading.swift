internal import Foundation
internal import SeedanceCore

/// Ark's task body (Retrieve, and each item of List) read into the seam's ``TaskSnapshot``.
/// Queued and running bodies hold little: every field but `id` and `status` may be absent.
enum ArkTaskReading {
    struct Task: Decodable {
        struct Content: Decodable {
            var videoURL: String?
            var lastFrameURL: String?
            enum CodingKeys: String, CodingKey {
                case videoURL = "video_url"
                case lastFrameURL = "last_frame_url"
            }
        }
        struct Failure: Decodable {
            var code: String?
            var message: String?
        }
        struct Usage: Decodable {
            var completionTokens: Int?
            var totalTokens: Int?
            enum CodingKeys: String, CodingKey {
                case completionTokens = "completion_tokens"
                case totalTokens = "total_tokens"
            }
        }

        var id: String
        var status: String
        var model: String?
        var content: Content?
        var error: Failure?
        var usage: Usage?
        var createdAt: Double?
        var seed: LenientString?
        var ratio: String?
        var resolution: String?
        var duration: LenientString?
        var serviceTier: String?
        var generateAudio: Bool?

        enum CodingKeys: String, CodingKey {
            case id, status, model, content, error, usage, seed, ratio, resolution, duration
            case createdAt = "created_at"
            case serviceTier = "service_tier"
            case generateAudio = "generate_audio"
        }
    }

    struct Page: Decodable {
        var items: [Task]?
        var total: Int?
    }

    static func status(_ name: String) -> TaskStatus {
        // Ark's names are the seam's.
        TaskStatus(rawValue: name)
    }

    static func snapshot(_ task: Task) -> TaskSnapshot {
        var echoed: [String: String] = [:]
        echoed["ratio"] = task.ratio
        echoed["resolution"] = task.resolution
        echoed["duration"] = task.duration?.value
        echoed["seed"] = task.seed?.value
        echoed["service_tier"] = task.serviceTier
        echoed["generate_audio"] = task.generateAudio.map { $0 ? "true" : "false" }
        return TaskSnapshot(
            taskID: task.id, status: status(task.status), reason: task.error?.message ?? "", errorCode: task.error?.code,
            videos: task.content?.videoURL.map { [TaskSnapshot.Video(url: $0, type: "mp4")] } ?? [],
            lastFrameURL: task.content?.lastFrameURL, seed: task.seed?.value,
            usage: task.usage.map { TaskSnapshot.Usage(completionTokens: $0.completionTokens, totalTokens: $0.totalTokens) },
            createdAt: task.createdAt.map { Date(timeIntervalSince1970: $0) }, model: task.model, echoed: echoed)
    }

    static func snapshot(json: Data) throws(SeedanceError) -> TaskSnapshot {
        do {
            return snapshot(try JSONDecoder().decode(Task.self, from: json))
        } catch {
            throw SeedanceError(.malformedResponse, "the task answer is not the expected JSON (\(DecodingErrorSummary.describe(error)))")
        }
    }

    static func page(json: Data) throws(SeedanceError) -> (items: [TaskSnapshot], total: Int) {
        do {
            let page = try JSONDecoder().decode(Page.self, from: json)
            let items = (page.items ?? []).map(snapshot)
            return (items, page.total ?? items.count)
        } catch {
            throw SeedanceError(.malformedResponse, "the task list is not the expected JSON (\(DecodingErrorSummary.describe(error)))")
        }
    }

    /// The create call's answer: `{"id": "cgt-…"}`; nil when it holds none.
    static func createdTaskID(in body: [UInt8]) -> String? {
        struct Created: Decodable { var id: String }
        guard let id = try? JSONDecoder().decode(Created.self, from: Data(body)).id, !id.isEmpty else { return nil }
        return id
    }
}
