import Testing

@testable import SeedanceKit

/// The process that parses hostile images holds no secret of ours.
@Suite struct FrameWorkerEnvironmentTests {
    @Test func aWorkerGetsNoAPIKeyNorTheStoreAddress() {
        let ours = [
            "NOVITA_API_KEY": "sk-secret", "ARK_API_KEY": "ark-secret", "SEEDANCE_STORE_URL": "postgres://u:p@h/db",
            "PATH": "/usr/bin", "SEEDANCE_WORKER_FAULT": "abort:x", "SWIFT_BACKTRACE": "enable=yes", "API_KEY_HINT": "kept",
        ]
        let theirs = FrameWorkerProcess.workerEnvironment(ours)
        #expect(theirs == ["PATH": "/usr/bin", "SEEDANCE_WORKER_FAULT": "abort:x", "SWIFT_BACKTRACE": "enable=no", "API_KEY_HINT": "kept"])
    }
}
