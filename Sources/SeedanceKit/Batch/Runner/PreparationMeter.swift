/// Times a run's prepare stage: from the first preparation starting to the last one ending,
/// counting what was made ready. Pure: instants come from the caller's clock.
struct PreparationMeter: Sendable {
    private var firstStart: Duration?
    private var lastEnd: Duration?
    private var items = 0
    private var frames = 0

    mutating func start(at now: Duration) {
        if firstStart == nil { firstStart = now }
    }

    /// A preparation ended; `frames` is nil when it failed (its time still counts).
    mutating func end(at now: Duration, frames: Int?) {
        lastEnd = max(lastEnd ?? now, now)
        guard let frames else { return }
        items += 1
        self.frames += frames
    }

    var preparation: BatchPreparation {
        let span = firstStart.flatMap { start in lastEnd.map { $0 - start } } ?? .zero
        return BatchPreparation(items: items, frames: frames, seconds: span / .seconds(1))
    }
}
