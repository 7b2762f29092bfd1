public import Foundation

/// The Ark mode's controls and counters (the configuration is ``StubConfiguration/ark``).
extension SeedanceStub {
    /// `http://127.0.0.1:<port>/api/v3`, the base URL an Ark client uses (the contract's
    /// `https://ark.ap-southeast.bytepluses.com/api/v3` for the stand-in).
    public var arkBaseURL: URL { baseURL.appendingPathComponent("api/v3") }

    /// How many Ark create calls arrived, whatever became of them.
    public var arkCreateCount: Int { provider.state.withLockedValue { $0.ark.createCalls } }

    /// How many Ark List calls arrived, whatever became of them.
    public var arkListCount: Int { provider.state.withLockedValue { $0.ark.listCalls } }

    /// How many Ark task records exist (created, not deleted).
    public var arkTaskCount: Int { provider.state.withLockedValue { $0.ark.tasks.count } }

    /// Every Ark request received (API and file downloads), in order.
    public var arkRequests: [RecordedRequest] {
        requests.filter { request in
            let path = URLComponents(string: request.uri)?.path ?? request.uri
            return StubProvider.isArk(path: path)
        }
    }

    /// The status a task has now, without counting as a poll; nil when there is no such record.
    public func arkTaskStatus(_ id: String) -> String? {
        provider.state.withLockedValue { state in state.ark.tasks[id]?.status(state.configuration.ark) }
    }

    /// Changes the Ark mode's behaviour from now on (faults, poll counts, limits).
    public func updateArk(_ change: (inout ArkStubConfiguration) -> Void) {
        provider.state.withLockedValue { change(&$0.configuration.ark) }
    }
}
