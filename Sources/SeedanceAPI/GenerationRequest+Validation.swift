extension GenerationRequest {
    /// Checks every field against the provider's rules without touching the network.
    ///
    /// - Returns: warnings about values the provider accepts but advises against.
    /// - Throws: the first field the provider would refuse.
    @discardableResult
    public func validate() throws(RequestValidationError) -> [RequestWarning] {
        try ImageStringRule.check(image, field: "image")
        if let lastImage {
            try ImageStringRule.check(lastImage, field: "last_image")
        }
        if let duration, !RequestLimits.duration.contains(duration) {
            throw RequestValidationError(field: "duration", value: String(duration), allowed: "4…12 seconds")
        }
        if let fps, !RequestLimits.allowedFPS.contains(fps) {
            throw RequestValidationError(field: "fps", value: String(fps), allowed: "24")
        }
        if let seed, !RequestLimits.seed.contains(seed) {
            throw RequestValidationError(field: "seed", value: String(seed), allowed: "-1…4294967295 (-1 = random)")
        }
        if let executionExpiresAfter, !RequestLimits.executionExpiresAfter.contains(executionExpiresAfter) {
            throw RequestValidationError(
                field: "execution_expires_after", value: String(executionExpiresAfter), allowed: "3600…259200 seconds")
        }
        var warnings: [RequestWarning] = []
        if let prompt, prompt.count > RequestLimits.recommendedPromptLength {
            warnings.append(RequestWarning(
                field: "prompt",
                message: "\(prompt.count) characters; the provider recommends at most \(RequestLimits.recommendedPromptLength)"))
        }
        return warnings
    }
}
