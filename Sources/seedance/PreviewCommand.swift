import ArgumentParser
import SeedanceAPI
import SeedanceKit

struct PreviewCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Draw what submit would send as one PNG contact sheet; nothing is sent and no key is needed.",
        discussion: """
            For each frame: the original, with the region a crop keeps outlined (what is dropped is \
            washed out) or a pad's added area hatched, beside the frame exactly as submit would send it \
            with the same model, request, fix and upload-size options; under each its format, size, \
            bytes and the steps that made it. The last frame's row sits under the first's, the two \
            frames as sent at the same size. The sheet is written atomically.
            Exit 0: written. 2: an input is unusable. 64: usage. 74: the sheet cannot be written.
            """
    )

    @Argument(help: "The first frame: a path, '-', an http(s) URL or a data: URI.")
    var first: String
    @Option(help: "The last frame.")
    var last: String?
    @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the sheet.", valueName: "SHEET.png"))
    var output: String
    @OptionGroup var modelOption: ModelOption
    @OptionGroup var providerOption: ProviderOption
    @OptionGroup(title: "Request (as submit; only --ratio and --resolution change the frames)") var request: RequestOptions
    @OptionGroup var preparation: FramePreparationOptions
    /// The values given, as ``validate()`` checked them against the model: checked once.
    private var checked: ValidatedParameters?

    private enum CodingKeys: CodingKey {
        case first, last, output, modelOption, providerOption, request, preparation
    }

    mutating func validate() throws {
        // The family as the chosen provider serves it: its fields and sizes frame the sheet.
        try modelOption.select(for: providerOption.registration)
        checked = try request.valuesGiven(for: modelOption.model, hasLastFrame: last != nil)
    }

    func run() async throws {
        // ArgumentParser runs validate() before run(); a command made in code is checked here, once.
        let parameters = try checked ?? request.valuesGiven(for: modelOption.model, hasLastFrame: last != nil)
        try await ContainedPreparation.run(preparation.submitter(model: modelOption)) { submitter in
            _ = try await PreviewSheetWriter(submitter: submitter, command: "seedance preview")
                .write(first: .argument(first), last: last.map(PreviewSheetWriter.Frame.argument), parameters: parameters, to: output)
        }
    }
}
