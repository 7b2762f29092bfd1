import Testing
@Test func frameKitPlaceholder() { #expect(Bool(true)) }
