import Foundation
import Logging
import SeedanceAPI

/// A value shared between concurrent test code and the code under test.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withValue<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }

    var current: Value { withValue { $0 } }
}

/// Real time, but every wait is capped at a few milliseconds; the waits asked for are recorded.
func fastTimeSource(sleeps: Locked<[Duration]> = Locked([])) -> TimeSource {
    TimeSource(
        now: TimeSource.system.now,
        sleep: { duration in
            sleeps.withValue { $0.append(duration) }
            try await Task.sleep(for: min(duration, .milliseconds(5)))
        },
        jitter: { 0.5 })
}

/// Keeps every log line, so a test can grep it.
struct CapturingLogHandler: LogHandler {
    let lines: Locked<[String]>
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lines.withValue { $0.append("\(event.level) \(event.message) \(event.metadata ?? [:]) \(metadata)") }
    }
}

/// A data URI of a tiny PNG-looking payload (the stub's default validator checks magic bytes only).
func pngBytes(extraBytes: Int = 64) -> Data {
    var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    bytes += (0..<extraBytes).map { UInt8($0 & 0xFF) }
    return Data(bytes)
}

/// A request for `model` with these parameters and a PNG-looking first frame (and a last one when asked).
func makeRequest(
    _ parameters: [String: ParameterValue] = ["prompt": .string("p")], model: VideoModel = .defaultModel,
    first: FramePayload? = .inline(pngBytes(), format: "png", role: .first), last: FramePayload? = nil
) -> GenerationRequest {
    GenerationRequest(model: model, parameters: GenerationParameters(parameters), frames: [first, last].compactMap { $0 })
}
