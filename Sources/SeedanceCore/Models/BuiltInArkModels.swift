// The Seedance family as BytePlus ModelArk and Volcengine Ark serve it (../shared/providers-ark.md):
// one row per family, the wire id per provider, the fields of the contract's parameter table.
// Prices are BytePlus's USD list prices per million output tokens (2.x ignores audio; the
// 480p–720p price, so 1080p and 4k estimates are low); Volcengine bills in RMB and has no
// USD table here yet.

private let arkSizes = """
    "480p": {"16:9": [864, 496], "4:3": [752, 560], "1:1": [640, 640], "3:4": [560, 752], "9:16": [496, 864], "21:9": [992, 432]},
    "720p": {"16:9": [1280, 720], "4:3": [1112, 834], "1:1": [960, 960], "3:4": [834, 1112], "9:16": [720, 1280], "21:9": [1470, 630]}
    """
private let arkSizes1080p = """
    "1080p": {"16:9": [1920, 1080], "4:3": [1664, 1248], "1:1": [1440, 1440], "3:4": [1248, 1664], "9:16": [1080, 1920], "21:9": [2206, 946]}
    """
private let arkSizes4k = """
    "4k": {"16:9": [3840, 2160], "4:3": [3326, 2494], "1:1": [2880, 2880], "3:4": [2494, 3326], "9:16": [2160, 3840], "21:9": [4398, 1886]}
    """
private let arkImageRules = """
    {"formats": ["jpeg", "png", "webp", "bmp", "tiff", "gif"], "side_above": 300, "side_below": 6000,
     "aspect_above": "2:5", "aspect_below": "5:2", "file_bytes_below": 30000000, "payload_bytes_below": 30000000}
    """
private let arkRatios = #"["16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "adaptive"]"#
private let arkCommonTail = """
    {"name": "watermark", "type": "boolean", "default": false},
    {"name": "generate_audio", "type": "boolean", "default": true, "summary": "mono audio; audio moderation can fail a task, false avoids it"},
    {"name": "return_last_frame", "type": "boolean", "default": false, "summary": "also returns the video's last frame as a PNG"},
    {"name": "execution_expires_after", "type": "integer", "range": [3600, 259200], "default": 172800,
     "summary": "seconds after creation before a waiting task expires"}
    """
private let arkFrames = """
    {"name": "first_frame", "type": "image", "role": "first", "required": true, "summary": "the first frame"},
    {"name": "last_frame", "type": "image", "role": "last", "summary": "the last frame"},
    {"name": "prompt", "type": "string", "recommended_max_length": 1000, "summary": "what happens in the video"}
    """

private func arkModel(
    name: String, summary: String, byteplus: String, volcengine: String, fields: String, sizes: String, price: String
) -> String {
    """
    {
      "name": "\(name)", "api": "ark", "summary": "\(summary)",
      "endpoint": "/contents/generations/tasks",
      "wire_ids": {"byteplus": "\(byteplus)", "volcengine": "\(volcengine)"},
      "fields": [\(arkFrames), \(fields), \(arkCommonTail)],
      "image": \(arkImageRules),
      "output_sizes": {\(sizes)},
      "price": \(price)
    }
    """
}

private func twoPointOhFields(_ resolutions: String) -> String {
    """
    {"name": "resolution", "type": "string", "values": \(resolutions), "default": "720p"},
    {"name": "ratio", "type": "string", "values": \(arkRatios), "default": "adaptive"},
    {"name": "duration", "type": "integer", "range": [4, 15], "default": 5, "summary": "seconds of video"},
    {"name": "seed", "type": "integer", "range": [-1, 2147483647], "summary": "sent only when set"},
    {"name": "priority", "type": "integer", "range": [0, 9], "default": 0}
    """
}

let builtInArkModelsJSON: [String] = [
    arkModel(
        name: "seedance-v1.5-pro", summary: "Seedance 1.5 Pro on Ark (reported retired upstream on 2026-11-11; still listed by BytePlus)",
        byteplus: "seedance-1-5-pro-251215", volcengine: "doubao-seedance-1-5-pro-251215",
        fields: """
            {"name": "resolution", "type": "string", "values": ["480p", "720p", "1080p"], "default": "720p"},
            {"name": "ratio", "type": "string", "values": \(arkRatios), "default": "adaptive"},
            {"name": "duration", "type": "integer", "range": [4, 12], "default": 5, "summary": "seconds of video"},
            {"name": "seed", "type": "integer", "range": [-1, 2147483647], "default": -1, "summary": "-1 is random"},
            {"name": "camera_fixed", "type": "boolean", "default": false},
            {"name": "service_tier", "type": "string", "values": ["default", "flex"], "default": "default", "summary": "flex: offline queue, half price"}
            """,
        sizes: arkSizes + ",\n" + arkSizes1080p,
        price: #"{"usd_per_million_tokens_with_audio": 2.4, "usd_per_million_tokens_silent": 1.2, "flex_factor": 0.5}"#),
    arkModel(
        name: "seedance-2.0", summary: "Seedance 2.0 on Ark (up to 4k)",
        byteplus: "dreamina-seedance-2-0-260128", volcengine: "doubao-seedance-2-0-260128",
        fields: twoPointOhFields(#"["480p", "720p", "1080p", "4k"]"#),
        sizes: arkSizes + ",\n" + arkSizes1080p + ",\n" + arkSizes4k,
        price: #"{"usd_per_million_tokens_with_audio": 7.0, "usd_per_million_tokens_silent": 7.0}"#),
    arkModel(
        name: "seedance-2.0-fast", summary: "Seedance 2.0 fast on Ark (up to 720p)",
        byteplus: "dreamina-seedance-2-0-fast-260128", volcengine: "doubao-seedance-2-0-fast-260128",
        fields: twoPointOhFields(#"["480p", "720p"]"#), sizes: arkSizes,
        price: #"{"usd_per_million_tokens_with_audio": 5.6, "usd_per_million_tokens_silent": 5.6}"#),
    arkModel(
        name: "seedance-2.0-mini", summary: "Seedance 2.0 mini on Ark (up to 720p)",
        byteplus: "dreamina-seedance-2-0-mini-260615", volcengine: "doubao-seedance-2-0-mini-260615",
        fields: twoPointOhFields(#"["480p", "720p"]"#), sizes: arkSizes,
        price: #"{"usd_per_million_tokens_with_audio": 3.5, "usd_per_million_tokens_silent": 3.5}"#),
    arkModel(
        name: "seedance-2.5", summary: "Seedance 2.5 on Ark (with frames only the adaptive ratio; 1080p only on request)",
        byteplus: "dreamina-seedance-2-5-260628", volcengine: "doubao-seedance-2-5-260628",
        fields: """
            {"name": "resolution", "type": "string", "values": ["480p", "720p", "1080p"], "default": "720p"},
            {"name": "ratio", "type": "string", "values": ["adaptive"], "default": "adaptive", "summary": "with frames 2.5 takes only adaptive"},
            {"name": "duration", "type": "integer", "range": [4, 30], "default": 5, "summary": "seconds of video; always sent"},
            {"name": "seed", "type": "integer", "range": [-1, 2147483647], "summary": "sent only when set"},
            {"name": "priority", "type": "integer", "range": [0, 9], "default": 0},
            {"name": "output_format", "type": "string", "values": ["mp4", "mov"], "default": "mp4"}
            """,
        sizes: """
            "480p": {"16:9": [854, 480], "4:3": [752, 560], "1:1": [640, 640], "3:4": [560, 752], "9:16": [480, 854], "21:9": [992, 432]},
            "720p": {"16:9": [1280, 720], "4:3": [1112, 834], "1:1": [960, 960], "3:4": [834, 1112], "9:16": [720, 1280], "21:9": [1470, 630]},
            \(arkSizes1080p)
            """,
        price: #"{"usd_per_million_tokens_with_audio": 10.7, "usd_per_million_tokens_silent": 10.7}"#),
]
