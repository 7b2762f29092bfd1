/// A scripted misbehaviour, used once by the next matching request.
public enum StubFault: Sendable, Hashable {
    /// Answer with a provider error (after reading the whole body) and do nothing else.
    case error(status: Int, reason: String, retryAfter: String? = nil)
    /// Read the whole request, then close the connection without answering.
    case dropConnection
    /// Handle the request normally (a POST still creates its task), but answer only after this long.
    case delay(Duration)
    /// Handle the request normally (a POST still creates its task) and never answer: the
    /// connection stays open until the client gives up or the stand-in stops. A client's read
    /// timeout, however short, always fires first, with no race against a delay.
    case hang
    /// Answer 200 with a body that is not JSON; a POST creates no task.
    case malformedJSON
}

/// Which requests a fault applies to.
public enum StubEndpoint: Sendable, Hashable, CaseIterable {
    case submit
    case taskResult
    case download
}
