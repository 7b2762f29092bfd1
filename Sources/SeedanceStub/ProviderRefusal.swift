/// An error answer in the provider's shape.
struct ProviderRefusal: Error, Sendable {
    var status: Int
    var reason: String
    var message: String

    static func body(_ message: String) -> ProviderRefusal {
        ProviderRefusal(status: 400, reason: "INVALID_REQUEST_BODY", message: message)
    }
}
