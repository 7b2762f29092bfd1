/// One line about why JSON did not decode, without echoing the document itself.
package enum DecodingErrorSummary {
    package static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "unreadable" }
        switch error {
        case .dataCorrupted(let context): return "not valid JSON at \(path(context))"
        case .keyNotFound(let key, let context): return "missing \(path(context, key))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context): return "wrong type at \(path(context))"
        @unknown default: return "unreadable"
        }
    }

    private static func path(_ context: DecodingError.Context, _ key: (any CodingKey)? = nil) -> String {
        let keys = context.codingPath + (key.map { [$0] } ?? [])
        return keys.isEmpty ? "top level" : keys.map(\.stringValue).joined(separator: ".")
    }
}
