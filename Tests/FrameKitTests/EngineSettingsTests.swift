import Testing
@testable import FrameKit

@Suite struct EngineSettingsTests {
    @Test func theDefaultIsTheMachinesCoresWithTheCacheOff() {
        let settings = ImageEngineSettings()
        #expect(settings.threads == ImageEngineSettings.machineCores)
        #expect(settings.cacheMaxOperations == 0 && settings.cacheMaxBytes == 0)
        #expect(ImageEngineSettings(threads: 0).threads == 1, "at least one worker")
    }

    @Test func configuredThreadsReachLibvips() throws {
        let previous = ImageEngine.settings
        defer { try? ImageEngine.configure(previous) }
        try ImageEngine.configure(ImageEngineSettings(threads: 3))
        #expect(LibVips.appliedThreads == 3)
        #expect(ImageEngine.settings.threads == 3)
    }
}
