/// One shot of a batch, as read from its manifest line, before it is checked against a model.
public struct ManifestLine: Sendable, Hashable {
    /// The keys every manifest understands, whatever the model.
    public static let manifestKeys: Set<String> = ["id", "first", "last", "prompt", "model", "output"]

    /// The 1-based line in the file where the record starts (the header is line 1 in CSV).
    public var lineNumber: Int
    /// The given id, or the line number as text.
    public var id: String
    /// The first frame: an absolute path (resolved against the manifest's folder), an http(s)
    /// URL or a `data:` URI, as given.
    public var first: String
    /// The last frame, like ``first``.
    public var last: String?
    /// The output file, an absolute path; nil means the default (`DIR/<id>.mp4`).
    public var output: String?
    /// Every other key with its value (`prompt`, `model` and request fields by their API name);
    /// typed later against the model's fields.
    public var fields: [String: ManifestValue]

    public init(lineNumber: Int, id: String, first: String, last: String? = nil, output: String? = nil, fields: [String: ManifestValue] = [:]) {
        self.lineNumber = lineNumber
        self.id = id
        self.first = first
        self.last = last
        self.output = output
        self.fields = fields
    }
}

/// What reading a manifest gave: the good lines and, separately, every problem found.
///
/// A line with any error is left out of ``lines``, so `--skip-invalid` can go on with the rest;
/// without it, any error means nothing is sent.
public struct Manifest: Sendable, Hashable {
    public var lines: [ManifestLine]
    public var errors: [ManifestError]

    public init(lines: [ManifestLine], errors: [ManifestError]) {
        self.lines = lines
        self.errors = errors
    }
}
