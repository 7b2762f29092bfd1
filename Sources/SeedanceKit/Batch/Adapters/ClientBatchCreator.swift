internal import Foundation
public import SeedanceAPI

/// Sends a prepared item with ``SeedanceClient/submit``: the client commits the intent (linked
/// to the batch item) before its POST and applies the duplicate rule.
///
/// Build the client with ``batchConfiguration(_:)``: a batch create is tried once, so every 429
/// reaches the shared throttle (which pauses every worker) instead of one worker's own retries.
public struct ClientBatchCreator: BatchCreator {
    let client: SeedanceClient
    let store: any TaskStore
    let batchID: String

    public init(client: SeedanceClient, store: any TaskStore, batchID: String) {
        self.client = client
        self.store = store
        self.batchID = batchID
    }

    /// `configuration` with creates tried once: the runner resends after a 429 or a refused
    /// connection, through the throttle.
    public static func batchConfiguration(_ configuration: SeedanceClient.Configuration) -> SeedanceClient.Configuration {
        var configuration = configuration
        configuration.submitRetry = .none
        return configuration
    }

    public func create(_ prepared: PreparedBatchRequest, itemID: String) async -> BatchCreateOutcome {
        let inputs = prepared.frames.map { TaskInput(role: $0.role.rawValue, source: $0.source.recordedName, sha256: $0.digest) }
        do {
            let submission = try await client.submit(
                prepared.request, inputs: inputs, store: store,
                batchItem: BatchItemKey(batchID: batchID, itemID: itemID), estimatedCostUSD: prepared.estimatedCostUSD)
            return .created(taskID: submission.taskID)
        } catch let error as SeedanceError {
            // The client has recorded the typed answer (a 429 or no connection: creation
            // `not_sent`), so a resumed run sends the item again: nothing to rewrite here.
            return Self.outcome(for: error)
        } catch {
            return .outcomeUnknown(message: "\(error)")
        }
    }

    /// What a failed create means for the batch. Pure: every case is a table test.
    static func outcome(for error: SeedanceError) -> BatchCreateOutcome {
        switch error.kind {
        case .provider(let provider) where provider.httpStatus == 429 || provider.httpStatus == 503:
            // The provider's own wait, so the throttle pauses at least that long.
            return .rateLimited(retryAfter: provider.retryAfter)
        // Never connected: provably nothing was sent, so it may go again after a pause.
        case .unreachable:
            return .rateLimited(retryAfter: nil)
        case .provider, .invalidRequest, .invalidConfiguration, .missingConfiguration:
            return .refused(reason: error.description)
        case .duplicateRequest(let earlier):
            return .duplicate(of: BatchEarlierRequest(intentID: earlier.intentID, taskID: earlier.taskID))
        case .stateStore, .localIO:
            return .ledgerFailed(message: error.description)
        case .outcomeUnknown, .malformedResponse, .outputExists, .invalidDownload:
            return .outcomeUnknown(message: error.description)
        }
    }
}
