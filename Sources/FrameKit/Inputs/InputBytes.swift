import Foundation

/// In-memory input bytes (stdin, a data URI, a fetched URL) at an address that stays put for as
/// long as anything reads them. libvips' buffer loaders do not copy (libvips notes), so the
/// address must outlive every image opened from it, which a pointer out of `Data.withUnsafeBytes`
/// may not do. The bytes are copied once, when the input is loaded, into an allocation this object
/// owns; every image opened from them holds it, and so does every `Data` view of them.
final class InputBytes: @unchecked Sendable {
    // Sendable by construction: written once in init, only read after, freed in deinit.
    let address: UnsafeRawPointer
    let count: Int

    init(copying data: Data) {
        let storage = UnsafeMutableRawPointer.allocate(byteCount: max(data.count, 1), alignment: 16)
        data.withUnsafeBytes { storage.copyMemory(from: $0.baseAddress ?? UnsafeRawPointer(storage), byteCount: $0.count) }
        address = UnsafeRawPointer(storage)
        count = data.count
    }

    deinit { UnsafeMutableRawPointer(mutating: address).deallocate() }

    /// The bytes as `Data`, without a copy: the `Data` holds this owner for as long as it lives.
    var data: Data {
        Data(
            bytesNoCopy: UnsafeMutableRawPointer(mutating: address), count: count,
            deallocator: .custom { _, _ in withExtendedLifetime(self) {} })
    }

    subscript(range: Range<Int>) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: address + range.lowerBound, count: range.count))
    }
}
