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

extension InProcessSuites {
    /// libvips' threads are one setting for the process: changed here only, one suite at a time
    /// with the suites that measure the process, and put back before the next one starts.
    @Suite("Engine settings")
    struct ProcessEngineSettingsTests {
        @Test func configuredThreadsReachLibvips() throws {
            try LibVips.ensureStarted()
            let previous = ImageEngine.settings
            defer { ImageEngine.configure(previous) }
            let other = LibVips.appliedThreads == 3 ? 2 : 3
            ImageEngine.configure(ImageEngineSettings(threads: other))
            #expect(LibVips.appliedThreads == other)
            #expect(ImageEngine.settings.threads == other)
        }
    }
}
