import CVipsShim
public import Foundation

@testable public import FrameKit

/// An image opened for reading single pixels, for tests only: what a fix or a preview drew is
/// checked in the picture itself. It lives here, not in FrameKit, whose API has no use for it.
public struct DecodedImage {
    private let image: FrameKit.VipsImage

    /// Encoded bytes (any format FrameKit reads), decoded whole into memory.
    public init(_ data: Data) throws {
        let input = try LoadedInput.load(.bytes(data, name: "bytes"), maxBytes: .max)
        guard let format = FormatSniffer.format(of: input.head) else { throw PixelReadError.notAnImage }
        image = try VipsLoader.open(input, format: format, sequential: false, failOnTruncated: true).copiedToMemory()
    }

    init(rendering image: FrameKit.VipsImage) throws {
        self.image = image.readsInAnyOrder ? image : try image.copiedToMemory()
    }

    public var width: Int { image.width }
    public var height: Int { image.height }

    /// One pixel's band values (8-bit images only).
    public func pixel(x: Int, y: Int) throws -> [Double] {
        guard image.isUChar else { throw PixelReadError.unsupportedSampleFormat }
        let width = image.width
        let height = image.height
        let bands = image.bands
        guard (0..<width).contains(x), (0..<height).contains(y) else {
            throw PixelReadError.outOfBounds(x: x, y: y, width: width, height: height)
        }
        return try image.withPointer { image throws(PixelReadError) -> [Double] in
            // A memory image's pixels are one block of rows, band-interleaved.
            guard vips_image_wio_input(image) == 0, let base = vips_image_get_data(image) else {
                _ = LibVips.takeErrorText()
                throw PixelReadError.renderFailed
            }
            let samples = base.assumingMemoryBound(to: UInt8.self)
            let offset = (y * width + x) * bands
            return (0..<bands).map { Double(samples[offset + $0]) }
        }
    }
}

extension PreviewImage {
    /// The band values of one pixel of the preview.
    public func pixel(x: Int, y: Int) throws -> [Double] {
        try DecodedImage(rendering: image).pixel(x: x, y: y)
    }
}

public enum PixelReadError: Error, CustomStringConvertible {
    case notAnImage
    case unsupportedSampleFormat
    case outOfBounds(x: Int, y: Int, width: Int, height: Int)
    case renderFailed

    public var description: String {
        switch self {
        case .notAnImage: "not an image"
        case .unsupportedSampleFormat: "only 8-bit images are read here"
        case .outOfBounds(let x, let y, let width, let height): "(\(x), \(y)) is outside \(width)×\(height)"
        case .renderFailed: "libvips could not render the image into memory"
        }
    }
}
