import FrameKit
import Testing

/// The coordinate maths of what a fix keeps: crops mapped back to the original's pixels (through
/// a shrink-on-load), pads placed in the frame as sent, resizes carrying the placement along.
@Suite struct FrameGeometryTests {
    enum Op {
        case crop(PixelRect, of: (Int, Int))
        case pad(PixelRect, canvas: (Int, Int))
        case resize(Int, Int)
    }

    struct Case: CustomTestStringConvertible {
        var name: String
        var source: (Int, Int)
        var ops: [Op]
        var kept: PixelRect
        var placement: PixelRect?
        var output: (Int, Int)
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "pass-through", source: (800, 600), ops: [],
            kept: PixelRect(width: 800, height: 600), placement: nil, output: (800, 600)),
        Case(
            name: "crop at full size", source: (3000, 1000), ops: [.crop(PixelRect(x: 1667, y: 0, width: 1333, height: 1000), of: (3000, 1000))],
            kept: PixelRect(x: 1667, y: 0, width: 1333, height: 1000), placement: nil, output: (1333, 1000)),
        Case(
            name: "crop after shrink-on-load 1/4", source: (4000, 1000),
            ops: [.crop(PixelRect(x: 100, y: 0, width: 333, height: 250), of: (1000, 250)), .resize(640, 480)],
            kept: PixelRect(x: 400, y: 0, width: 1332, height: 1000), placement: nil, output: (640, 480)),
        Case(
            name: "crop after a JPEG shrink that rounded up (1001 → 126 at 1/8)", source: (1001, 601),
            ops: [.crop(PixelRect(x: 0, y: 10, width: 126, height: 56), of: (126, 76))],
            kept: PixelRect(x: 0, y: 79, width: 1001, height: 443), placement: nil, output: (126, 56)),
        Case(
            name: "vertical crop then resize", source: (1000, 3000),
            ops: [.crop(PixelRect(x: 0, y: 1111, width: 1000, height: 1333), of: (1000, 3000)), .resize(480, 640)],
            kept: PixelRect(x: 0, y: 1111, width: 1000, height: 1333), placement: nil, output: (480, 640)),
        Case(
            name: "pad letterbox then resize", source: (3000, 1000),
            ops: [.pad(PixelRect(x: 0, y: 344, width: 3000, height: 1000), canvas: (3000, 1688)), .resize(1280, 720)],
            kept: PixelRect(width: 3000, height: 1000), placement: PixelRect(x: 0, y: 147, width: 1280, height: 426), output: (1280, 720)),
        Case(
            name: "pad pillarbox at a shrunk scale", source: (800, 2400),
            ops: [.pad(PixelRect(x: 300, y: 0, width: 400, height: 1200), canvas: (1000, 1200))],
            kept: PixelRect(width: 800, height: 2400), placement: PixelRect(x: 300, y: 0, width: 400, height: 1200), output: (1000, 1200)),
        Case(
            name: "resize only", source: (4000, 3000), ops: [.resize(1600, 1200)],
            kept: PixelRect(width: 4000, height: 3000), placement: nil, output: (1600, 1200)),
        Case(
            name: "crop into a pad's added area keeps the visible part", source: (100, 50),
            ops: [
                .pad(PixelRect(x: 0, y: 25, width: 100, height: 50), canvas: (100, 100)),
                .crop(PixelRect(x: 50, y: 0, width: 50, height: 50), of: (100, 100)),
            ],
            kept: PixelRect(x: 50, y: 0, width: 50, height: 25), placement: PixelRect(x: 0, y: 25, width: 50, height: 25), output: (50, 50)),
    ]

    @Test(arguments: FrameGeometryTests.cases)
    func recordsWhatIsKeptAndWhereItLies(_ testCase: Case) {
        var geometry = FrameGeometry(sourceWidth: testCase.source.0, sourceHeight: testCase.source.1)
        for op in testCase.ops {
            switch op {
            case .crop(let rect, let size): geometry.recordCrop(rect, ofWidth: size.0, height: size.1)
            case .pad(let rect, let canvas): geometry.recordPad(placing: rect, canvasWidth: canvas.0, canvasHeight: canvas.1)
            case .resize(let w, let h): geometry.recordResize(toWidth: w, height: h)
            }
        }
        #expect(geometry.keptRegion == testCase.kept)
        #expect(geometry.placement == testCase.placement)
        #expect(geometry.outputWidth == testCase.output.0 && geometry.outputHeight == testCase.output.1)
        #expect(geometry.sourceWidth == testCase.source.0 && geometry.sourceHeight == testCase.source.1)
        #expect(geometry.isCropped == (testCase.kept != PixelRect(width: testCase.source.0, height: testCase.source.1)))
        #expect(geometry.isPadded == (testCase.placement != nil))
    }

    static let scalings: [(PixelRect, (Int, Int), (Int, Int), PixelRect)] = [
        (PixelRect(x: 10, y: 20, width: 30, height: 40), (100, 100), (100, 100), PixelRect(x: 10, y: 20, width: 30, height: 40)),
        (PixelRect(x: 10, y: 20, width: 30, height: 40), (100, 100), (50, 200), PixelRect(x: 5, y: 40, width: 15, height: 80)),
        // Edges round, so neighbours still meet: 0…33 and 33…100 at 1/3.
        (PixelRect(x: 0, y: 0, width: 33, height: 3), (100, 3), (33, 1), PixelRect(x: 0, y: 0, width: 11, height: 1)),
        (PixelRect(x: 33, y: 0, width: 67, height: 3), (100, 3), (33, 1), PixelRect(x: 11, y: 0, width: 22, height: 1)),
        (PixelRect(x: 1667, y: 0, width: 1333, height: 1000), (3000, 1000), (600, 200), PixelRect(x: 333, y: 0, width: 267, height: 200)),
    ]

    @Test(arguments: 0..<FrameGeometryTests.scalings.count)
    func scalesEdges(_ index: Int) {
        let (rect, from, to, expected) = Self.scalings[index]
        #expect(rect.scaled(from: from.0, from.1, to: to.0, to.1) == expected)
    }

    @Test func intersects() {
        let a = PixelRect(x: 0, y: 0, width: 10, height: 10)
        #expect(a.intersection(PixelRect(x: 5, y: 5, width: 10, height: 10)) == PixelRect(x: 5, y: 5, width: 5, height: 5))
        #expect(a.intersection(PixelRect(x: 20, y: 0, width: 5, height: 5)).width == 0)
    }
}
