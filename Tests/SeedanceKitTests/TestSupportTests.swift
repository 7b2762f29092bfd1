import Foundation
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The shared helpers keep their promises even when a test fails: a scratch folder is removed
/// and a child is killed and reaped whether the body returns or throws, and a wait past its
/// deadline kills the child.
@Suite struct TestSupportTests {
    struct Failure: Error {}

    @Test func aScratchFolderIsRemovedWhenTheBodyThrows() throws {
        var seen: URL?
        #expect(throws: Failure.self) {
            try withScratchFolder("helper") { folder in
                seen = folder
                try Data("x".utf8).write(to: folder.appendingPathComponent("file"))
                throw Failure()
            }
        }
        let folder = try #require(seen)
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test func aStartedChildIsKilledAndReapedWhenTheBodyThrows() async throws {
        let pid = Mutex<Int32?>(nil)
        await #expect(throws: Failure.self) {
            try await ChildProcess.withStarted("/bin/sleep", ["600"]) { child in
                pid.withLock { $0 = child.pid }
                throw Failure()
            }
        }
        let started = try #require(pid.withLock { $0 })
        // Reaped: the pid names no process (not even a zombie) of ours any more.
        #expect(kill(started, 0) == -1 && errno == ESRCH)
    }

    @Test func aRunPastItsTimeoutIsKilled() async throws {
        let outcome = try await ChildProcess.run("/bin/sleep", ["600"], timeout: 0.2)
        #expect(outcome.timedOut && outcome.signal == SIGKILL && outcome.status == nil)
    }

    @Test func aWaitPastItsDeadlineKillsTheChild() async throws {
        let outcome = try await ChildProcess.withStarted("/bin/sleep", ["600"]) { child in
            await child.waitForExit(timeout: 0.2)
        }
        #expect(outcome.timedOut && outcome.signal == SIGKILL)
    }

    @Test func aLineIsSeenAndAnEndedChildStopsTheWait() async throws {
        try await ChildProcess.withStarted("/bin/sh", ["-c", "echo ready; exit 3"]) { child in
            #expect(await child.waitForLine("ready"))
            #expect(await child.waitForLine("never printed") == false, "the child ended: no wait until the deadline")
            #expect(await child.waitForExit().status == 3)
        }
    }
}
