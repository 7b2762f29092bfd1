/// What the rules need from a header libvips has read, as displayed (after EXIF orientation,
/// one page of an animation).
extension ImageReport {
    mutating func read(header image: VipsImage) {
        let pageHeight = image.pageHeight > 0 && image.pageHeight <= image.height ? image.pageHeight : image.height
        storedWidth = image.width
        storedHeight = pageHeight
        orientation = (1...8).contains(image.orientation) ? image.orientation : 1
        let swap = orientationSwapsSides
        width = swap ? pageHeight : image.width
        height = swap ? image.width : pageHeight
        colourSpace = image.colourSpace
        bitsPerSample = image.bitsPerSample
        bands = image.bands
        hasAlpha = image.hasAlpha
        pageCount = max(1, image.pageCount)
        hasICCProfile = image.hasICCProfile
        isInterlaced = image.isInterlaced
    }
}
