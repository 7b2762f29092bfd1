import Testing

/// Suites that measure this process (resident memory, timing of concurrent fixes) run one after
/// the other, so one does not disturb the other's numbers.
@Suite("In-process", .serialized)
enum InProcessSuites {}
