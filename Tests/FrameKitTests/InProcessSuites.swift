import Testing

/// Suites that load this process with many concurrent fixes run one after the other. (Suites
/// that change process-wide state or measure the process run in a child: ``ChildTestRun``.)
@Suite("In-process", .serialized)
enum InProcessSuites {}
