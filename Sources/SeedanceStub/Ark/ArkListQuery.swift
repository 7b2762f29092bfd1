internal import Foundation

/// The List call's query ([BP-L][VE-C]): `page_num` and `page_size` required (1–500),
/// `filter.status` without `expired`, `filter.task_ids` repeated, `filter.model`,
/// `filter.service_tier` defaulting to `default`. Any other name is refused.
struct ArkListQuery: Sendable {
    var pageNum: Int
    var pageSize: Int
    var status: String?
    var taskIDs: [String]
    var model: String?
    var serviceTier: String

    static let statuses = ["queued", "running", "cancelled", "succeeded", "failed"]

    init(_ items: [URLQueryItem]) throws(ArkError) {
        let known: Set<String> = ["page_num", "page_size", "filter.status", "filter.task_ids", "filter.model", "filter.service_tier"]
        if let unknown = items.first(where: { !known.contains($0.name) }) {
            throw .invalid(unknown.name, "unknown query parameter \(unknown.name)")
        }
        func single(_ name: String) throws(ArkError) -> String? {
            let values = items.filter { $0.name == name }.map { $0.value ?? "" }
            guard values.count <= 1 else { throw .invalid(name, "\(name) may be given once") }
            return values.first
        }
        func page(_ name: String) throws(ArkError) -> Int {
            guard let text = try single(name) else { throw .missing(name) }
            guard let number = Int(text), (1...500).contains(number) else { throw .invalid(name, "\(name) must be within 1…500, got \(text)") }
            return number
        }
        pageNum = try page("page_num")
        pageSize = try page("page_size")
        status = try single("filter.status")
        if let status, !Self.statuses.contains(status) {
            throw .invalid("filter.status", "filter.status must be one of \(Self.statuses.joined(separator: ", ")), got \(status)")
        }
        taskIDs = items.filter { $0.name == "filter.task_ids" }.map { $0.value ?? "" }
        model = try single("filter.model")
        serviceTier = try single("filter.service_tier") ?? "default"
        guard ["default", "flex"].contains(serviceTier) else {
            throw .invalid("filter.service_tier", "filter.service_tier must be default or flex, got \(serviceTier)")
        }
    }

    func matches(_ task: ArkTask, status: String) -> Bool {
        (self.status.map { $0 == status } ?? true)
            && (taskIDs.isEmpty || taskIDs.contains(task.id))
            && (model.map { $0 == task.request.model } ?? true)
            && task.request.serviceTier == serviceTier
    }
}
