import Foundation
import FrameKit
import Testing

/// Every id FrameKit puts in a JSON document is snake_case, as every other id in them is.
@Suite struct JSONVocabularyTests {
    static func isSnakeCase(_ text: String) -> Bool {
        text.range(of: "^[a-z]+(_[a-z0-9]+)*$", options: .regularExpression) != nil
    }

    @Test func errorKindsRulesAndRemediesAreSnakeCase() throws {
        let ids = FrameError.Kind.allCases.map(\.rawValue) + Rule.allCases.map(\.rawValue) + Remedy.allCases.map(\.rawValue)
        #expect(ids.filter { !Self.isSnakeCase($0) } == [])
        let encoded = try JSONEncoder().encode(FrameError(.corruptPixelData, "x"))
        #expect(String(decoding: encoded, as: UTF8.self).contains("\"corrupt_pixel_data\""))
    }
}
