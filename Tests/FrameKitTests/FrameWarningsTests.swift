import Foundation
import Testing

@testable import FrameKit

/// libvips' warnings belong to the frame whose work raised them: with 16 fixes at once, half of
/// them on inputs libjpeg warns about (once or twice), each frame's notes hold its own warning
/// and no other's.
@Suite struct FrameWarningsTests {
    /// good-first.jpg with stray bytes before `markers` of its markers (the second DQT, then the
    /// SOF): libjpeg counts one warning for each while libvips reads the header, every time, and
    /// libvips says "read gave <markers> warnings"; the picture decodes intact.
    static func withStrayBytes(beforeMarkers markers: Int) throws -> Data {
        var bytes = try Fixtures.bytes("good-first.jpg")
        let dqt = Data([0xFF, 0xDB])
        let sof = Data([0xFF, 0xC0])
        let first = try #require(bytes.range(of: dqt)?.upperBound)
        let secondDQT = try #require(bytes.range(of: dqt, in: first..<bytes.endIndex)?.lowerBound)
        let frame = try #require(bytes.range(of: sof)?.lowerBound)
        let positions = [secondDQT, frame].prefix(markers).sorted(by: >)
        for position in positions { bytes.insert(contentsOf: [0, 0, 0], at: position) }
        return bytes
    }

    static func warning(_ count: Int) -> String { "read gave \(count) warnings" }

    @Test("16 concurrent fixes: each frame's notes hold only its own warnings")
    func warningsStayWithTheirFrame() async throws {
        // Frame i: one warning when i % 4 == 0, two when i % 4 == 2, none when odd.
        let stray = [0: 1, 2: 2]
        let inputs: [ImageInput] = try (0..<16).map { index in
            let count = stray[index % 4]
            let data = try count.map { try Self.withStrayBytes(beforeMarkers: $0) } ?? Fixtures.bytes("good-first.jpg")
            return .bytes(data, name: "frame-\(index)")
        }
        // PNG output: every frame is decoded and re-encoded, not passed through.
        let fixer = FrameFixer(options: FixOptions(format: .png))
        let notes = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
            for (index, input) in inputs.enumerated() {
                group.addTask { (index, try fixer.prepare(input, role: .first).notes) }
            }
            return try await group.reduce(into: [Int: [String]]()) { $0[$1.0] = $1.1 }
        }
        #expect(notes.count == 16)
        for index in 0..<16 {
            let own = try #require(notes[index])
            switch stray[index % 4] {
            case let count?:
                let other = count == 1 ? 2 : 1
                #expect(own.contains { $0.contains(Self.warning(count)) }, "frame \(index) lost its warning: \(own)")
                #expect(!own.contains { $0.contains(Self.warning(other)) }, "frame \(index) holds another frame's warning: \(own)")
                // libjpeg's own text reaches GLib inside libvips' shared error buffer, where any
                // frame's lines may be: never a frame's note.
                #expect(!own.contains { $0.contains("extraneous bytes") }, "frame \(index) holds the shared error buffer: \(own)")
            case nil:
                #expect(own.isEmpty, "frame \(index) is clean but its notes say \(own)")
            }
        }
    }

    @Test func aCleanFrameAfterAWarnedOneHasNoNotes() throws {
        let warned = try FrameFixer(options: FixOptions(format: .png)).prepare(
            .bytes(Self.withStrayBytes(beforeMarkers: 1), name: "warned"), role: .first)
        #expect(warned.notes.contains { $0.contains(Self.warning(1)) })
        let clean = try FrameFixer(options: FixOptions(format: .png)).prepare(Fixtures.input("good-first.jpg"), role: .first)
        #expect(clean.notes.isEmpty, "\(clean.notes)")
    }
}
