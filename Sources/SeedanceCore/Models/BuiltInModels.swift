internal import Foundation

/// The models the toolkit knows without a file, written in the same JSON a user's
/// `--model FILE.json` uses and decoded by the same checks, so the two can never drift apart.
extension VideoModel {
    /// The model used when none is named.
    public static let defaultName = "seedance-v1.5-pro"

    /// Every built-in model of every API, the default first.
    public static let builtInEveryAPI: [VideoModel] = ([seedanceV15ProJSON, seedance20JSON] + builtInArkModelsJSON).map { json in
        do {
            return try VideoModel.decode(Data(json.utf8), source: "built-in")
        } catch {
            fatalError("a built-in model does not decode: \(error)")
        }
    }

    /// The built-in models written for novita's API (the default provider), the default first.
    public static var builtIn: [VideoModel] { builtIn(api: defaultAPI) }

    /// The built-in models written for `api` (``VideoModel/api``).
    public static func builtIn(api: String) -> [VideoModel] {
        builtInEveryAPI.filter { $0.apiName == api }
    }

    /// The built-in model called `name` for `api`.
    public static func builtIn(named name: String, api: String = defaultAPI) -> VideoModel? {
        builtIn(api: api).first { $0.name == name }
    }

    public static var defaultModel: VideoModel { builtIn[0] }
}

// The sizes table is the provider's i2v page; 2.0 publishes none, so it is assumed to render
// the same sizes (stated in its summary).
private let outputSizesJSON = """
    {
      "480p": {"16:9": [864, 496], "4:3": [752, 560], "1:1": [640, 640], "3:4": [560, 752], "9:16": [496, 864], "21:9": [992, 432]},
      "720p": {"16:9": [1280, 720], "4:3": [1112, 834], "1:1": [960, 960], "3:4": [834, 1112], "9:16": [720, 1280], "21:9": [1470, 630]},
      "1080p": {"16:9": [1920, 1080], "4:3": [1664, 1248], "1:1": [1440, 1440], "3:4": [1248, 1664], "9:16": [1080, 1920], "21:9": [2206, 946]}
    }
    """

private let imageRulesJSON = """
    {"formats": ["jpeg", "png", "webp", "bmp", "tiff", "gif"], "side_above": 300, "side_below": 6000,
     "aspect_above": "2:5", "aspect_below": "5:2", "file_bytes_below": 30000000, "payload_bytes_below": 30000000}
    """

private let ratioValues = #"["16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "adaptive"]"#

private let seedanceV15ProJSON = """
    {
      "name": "seedance-v1.5-pro",
      "summary": "Seedance 1.5 Pro image-to-video on novita.ai (reported to be retired upstream in late 2026)",
      "endpoint": "/v3/async/seedance-v1.5-pro-i2v",
      "fields": [
        {"name": "image", "type": "image", "role": "first", "required": true, "summary": "the first frame"},
        {"name": "last_image", "type": "image", "role": "last", "summary": "the last frame"},
        {"name": "prompt", "type": "string", "required": true, "recommended_max_length": 500,
         "summary": "what happens in the video, Chinese or English"},
        {"name": "duration", "type": "integer", "range": [4, 12], "default": 5, "summary": "seconds of video; billing scales with it"},
        {"name": "resolution", "type": "string", "values": ["480p", "720p", "1080p"], "default": "720p"},
        {"name": "ratio", "type": "string", "values": \(ratioValues), "default": "adaptive",
         "summary": "adaptive follows the first frame"},
        {"name": "fps", "type": "integer", "values": [24], "default": 24},
        {"name": "seed", "type": "integer", "range": [-1, 4294967295], "default": -1, "summary": "-1 is random"},
        {"name": "watermark", "type": "boolean", "default": false},
        {"name": "camera_fixed", "type": "boolean", "default": false, "summary": "asks for a fixed camera; not guaranteed"},
        {"name": "service_tier", "type": "string", "values": ["default", "flex"], "default": "default",
         "summary": "flex: offline queue, half price, slow"},
        {"name": "generate_audio", "type": "boolean", "default": true, "summary": "speech, effects and music; roughly doubles the cost"},
        {"name": "execution_expires_after", "type": "integer", "range": [3600, 259200], "default": 172800,
         "summary": "seconds after creation before the task expires"}
      ],
      "rules": [
        {"when": {"field": "resolution", "equals": "1080p"},
         "warn": "novita's API reference marks 1080p as not currently supported for Seedance 1.5 Pro; the request may be refused"}
      ],
      "image": \(imageRulesJSON),
      "output_sizes": \(outputSizesJSON),
      "price": {"usd_per_million_tokens_with_audio": 2.4, "usd_per_million_tokens_silent": 1.2, "flex_factor": 0.5}
    }
    """

private let seedance20JSON = """
    {
      "name": "seedance-2.0",
      "summary": "Seedance 2.0 on novita.ai (fields from a public client; output sizes assumed as 1.5 Pro's; no known price)",
      "endpoint": "/v3/async/seedance-2.0",
      "fields": [
        {"name": "image", "type": "image", "role": "first", "summary": "the first frame"},
        {"name": "last_image", "type": "image", "role": "last", "summary": "the last frame; needs image"},
        {"name": "prompt", "type": "string"},
        {"name": "duration", "type": "integer", "range": [4, 15], "summary": "seconds of video"},
        {"name": "resolution", "type": "string", "values": ["480p", "720p", "1080p"], "summary": "1080p only with fast=false"},
        {"name": "ratio", "type": "string", "values": \(ratioValues)},
        {"name": "fast", "type": "boolean", "summary": "the cheaper variant"},
        {"name": "return_last_frame", "type": "boolean"},
        {"name": "generate_audio", "type": "boolean"},
        {"name": "seed", "type": "integer", "range": [-1, 4294967295], "summary": "-1 is random"},
        {"name": "watermark", "type": "boolean"}
      ],
      "rules": [
        {"when": {"field": "last_image"}, "require": {"field": "image"}},
        {"when": {"field": "resolution", "equals": "1080p"}, "require": {"field": "fast", "equals": false}}
      ],
      "image": \(imageRulesJSON),
      "output_sizes": \(outputSizesJSON)
    }
    """
