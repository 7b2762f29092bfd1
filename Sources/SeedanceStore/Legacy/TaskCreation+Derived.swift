public import SeedanceCore

extension TaskCreation {
    /// What a record written before `creation` existed (a 0.4.0 store, a legacy journal) proves.
    ///
    /// A known task id proves a task; a refusal whose recorded reason is one the old code wrote
    /// only when nothing was taken proves nothing left; any other refusal is the provider's.
    /// Everything else (an intent, an unknown outcome, a task state without an id) may have paid.
    public static func derived(state: TaskState, taskID: String?, reason: String?) -> TaskCreation {
        if taskID != nil { return .created }
        switch state {
        case .refused: return reason.map(notTakenReasons.contains) == true ? .notSent : .refused
        case .intent, .submitted, .succeeded, .failed, .outcomeUnknown: return .unknown
        }
    }

    /// Reasons earlier versions recorded only for a create that provably left nothing behind:
    /// no connection (`UNREACHABLE`), the batch's rewrite of a 429/503, and novita's 429 code.
    static let notTakenReasons: Set<String> = [
        "UNREACHABLE",
        "not taken (HTTP 429 or 503, or no connection); safe to send again",
        "RATE_LIMIT_EXCEEDED",
    ]
}
