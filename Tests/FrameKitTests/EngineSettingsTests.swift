import Foundation
import Testing

@testable import FrameKit

@Suite struct EngineSettingsTests {
    @Test func theDefaultIsTheMachinesCoresWithTheCacheOff() {
        let settings = ImageEngineSettings()
        #expect(settings.threads == ImageEngineSettings.machineCores)
        #expect(settings.cacheMaxOperations == 0 && settings.cacheMaxBytes == 0)
        #expect(ImageEngineSettings(threads: 0).threads == 1, "at least one worker")
    }
}

/// libvips' threads are one setting for the whole process, and every suite of this process uses
/// libvips while this one runs. So the setting is changed in a child (``ChildTestRun``): this
/// test executable started again with only this test selected. Serializing the test instead
/// would order it only against the suites declared serialized with it, never against the others
/// running in parallel; a child process cannot disturb them at all.
@Suite struct ProcessEngineSettingsTests {
    static let childVariable = "SEEDANCE_ENGINE_SETTINGS_CHILD"
    /// The child's proof that it ran the check (a filter that selected nothing exits 0 too).
    static let marker = "engine-settings-child: threads applied"

    @Test func configuredThreadsReachLibvips() async throws {
        guard !ChildTestRun.isChild(Self.childVariable) else {
            try Self.checkInThisProcess()
            return
        }
        let child = try await ChildTestRun.run(matching: "ProcessEngineSettingsTests", variable: Self.childVariable)
        let output = child.standardOutput + child.standardError
        #expect(child.status == 0, "the child run failed: \(output.suffix(3000))")
        #expect(output.contains(Self.marker), "the child did not run the check: \(output.suffix(3000))")
    }

    /// In the child only: configure, read back from libvips itself, and say so.
    static func checkInThisProcess() throws {
        try LibVips.ensureStarted()
        let other = LibVips.appliedThreads == 3 ? 2 : 3
        ImageEngine.configure(ImageEngineSettings(threads: other))
        #expect(LibVips.appliedThreads == other)
        #expect(ImageEngine.settings.threads == other)
        if LibVips.appliedThreads == other { print(marker) }
    }
}
