/// What one preparation worker may use: its address space (a decompression bomb that slips past
/// the header checks fails to allocate instead of taking the machine's memory) and the CPU time
/// of each frame (a pathological decode is killed with SIGXCPU). nil: no limit of that kind.
public struct FrameWorkerLimits: Sendable, Hashable {
    /// 8 GiB: several times the largest frame the default pixel limit lets through, decoded
    /// and processed, plus the runtime's and libvips' own reservations (thread stacks, arenas).
    public static let defaultAddressSpaceBytes = 8 << 30
    /// A fix takes well under a second of CPU; two minutes is only ever a runaway.
    public static let defaultCPUSecondsPerFrame = 120

    public var addressSpaceBytes: Int?
    public var cpuSecondsPerFrame: Int?

    public init(addressSpaceBytes: Int? = Self.defaultAddressSpaceBytes, cpuSecondsPerFrame: Int? = Self.defaultCPUSecondsPerFrame) {
        self.addressSpaceBytes = addressSpaceBytes
        self.cpuSecondsPerFrame = cpuSecondsPerFrame
    }
}
