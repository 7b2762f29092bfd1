import Foundation
internal import GRDB
internal import SeedanceCore

/// The mapping between the public record types and their rows, in one place. The records do
/// not conform to GRDB's protocols so that GRDB stays out of the public API.
extension TaskRecord {
    static let columns =
        "intent_id, created_at, updated_at, model, provider, base_url, fingerprint, inputs, task_id, state, creation, provider_status, reason, output_path, estimated_cost_usd, batch_id, item_id, echo, cost_usd"

    init(row: Row) throws {
        let inputsJSON: String = row["inputs"]
        self.init(
            intentID: row["intent_id"], createdAt: row["created_at"], updatedAt: row["updated_at"],
            model: row["model"], provider: row["provider"], baseURL: row["base_url"], fingerprint: row["fingerprint"],
            inputs: try JSONDecoder().decode([TaskInput].self, from: Data(inputsJSON.utf8)),
            taskID: row["task_id"], state: try StoredEnum.decode(row["state"], column: "state"),
            creation: try StoredEnum.decode(row["creation"], column: "creation"),
            providerStatus: row["provider_status"], reason: row["reason"], outputPath: row["output_path"],
            estimatedCostUSD: row["estimated_cost_usd"])
        batchID = row["batch_id"]
        itemID = row["item_id"]
        let echoJSON: String = row["echo"]
        echo = try JSONDecoder().decode([String: String].self, from: Data(echoJSON.utf8))
        costUSD = row["cost_usd"]
        costBasis = CostBasis.of(cost: costUSD, estimate: estimatedCostUSD)
    }

    func insert(_ db: Database) throws {
        let inputsJSON = String(decoding: try JSONEncoder().encode(inputs), as: UTF8.self)
        let echoJSON = String(decoding: try JSONEncoder().encode(echo), as: UTF8.self)
        try db.execute(
            sql: "INSERT INTO tasks (\(Self.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            arguments: [
                intentID, createdAt, updatedAt, model, provider, baseURL, fingerprint, inputsJSON, taskID, state.rawValue, creation.rawValue,
                providerStatus, reason, outputPath, estimatedCostUSD, batchID, itemID, echoJSON, costUSD,
            ])
    }
}

extension BatchRecord {
    init(row: Row) {
        self.init(id: row["id"], manifestPath: row["manifest_path"], createdAt: row["created_at"], optionsJSON: row["options_json"])
    }
}

extension BatchItemRecord {
    init(row: Row) throws {
        self.init(
            batchID: row["batch_id"], itemID: row["item_id"], line: row["line"],
            state: try StoredEnum.decode(row["state"], column: "batch_items.state"),
            estimatedCostUSD: row["estimated_cost_usd"])
        intentID = row["intent_id"]
        claimedBy = row["claimed_by"]
        claimedHost = row["claimed_host"]
        claimedPID = row["claimed_pid"]
        claimedAt = row["claimed_at"]
        leaseUntil = row["lease_until"]
        error = row["error"]
        output = row["output"]
    }
}

/// A value written by a newer version is reported, not guessed at.
enum StoredEnum {
    struct UnknownValue: Error, CustomStringConvertible {
        var column: String
        var value: String
        var description: String { "unknown \(column) \"\(value)\" (written by a newer seedance?)" }
    }

    static func decode<Value: RawRepresentable<String>>(_ text: String, column: String) throws -> Value {
        guard let value = Value(rawValue: text) else { throw UnknownValue(column: column, value: text) }
        return value
    }
}
