#include "CVipsShim.h"

static CVipsShimLogSink log_sink = NULL;

static void forward_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void) data;
    CVipsShimLogSink sink = log_sink;
    if (sink) sink(domain ? domain : "", (int) level, message ? message : "");
}

int CVipsShim_start(const char *program_name, int concurrency) {
    if (VIPS_INIT(program_name)) return -1;
    g_log_set_handler("VIPS", G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_FLAG_FATAL | G_LOG_FLAG_RECURSION, forward_log, NULL);
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_cache_set_max_files(0);
    if (concurrency > 0) vips_concurrency_set(concurrency);
    vips_block_untrusted_set(TRUE);
    vips_operation_block_set("VipsForeignLoadMagick", FALSE);
    return 0;
}

void CVipsShim_set_log_sink(CVipsShimLogSink sink) { log_sink = sink; }

char *CVipsShim_take_error(void) {
    char *text = vips_error_buffer_copy();
    return text;
}

static VipsAccess access_for(int sequential) {
    return sequential ? VIPS_ACCESS_SEQUENTIAL : VIPS_ACCESS_RANDOM;
}

static VipsFailOn fail_for(int fail_on_truncated) {
    return fail_on_truncated ? VIPS_FAIL_ON_TRUNCATED : VIPS_FAIL_ON_NONE;
}

int CVipsShim_load_file(CVipsShimLoader loader, const char *path, int sequential,
                        int fail_on_truncated, int shrink, VipsImage **out) {
    VipsAccess a = access_for(sequential);
    VipsFailOn f = fail_for(fail_on_truncated);
    if (shrink < 1) shrink = 1;
    switch (loader) {
    case CVipsShimLoaderJPEG: return vips_jpegload(path, out, "access", a, "fail_on", f, "shrink", shrink, NULL);
    case CVipsShimLoaderPNG: return vips_pngload(path, out, "access", a, "fail_on", f, NULL);
    case CVipsShimLoaderWebP: return vips_webpload(path, out, "access", a, "fail_on", f, "scale", 1.0 / shrink, NULL);
    case CVipsShimLoaderTIFF: return vips_tiffload(path, out, "access", a, "fail_on", f, NULL);
    case CVipsShimLoaderGIF: return vips_gifload(path, out, "access", a, "fail_on", f, NULL);
    case CVipsShimLoaderHEIF: return vips_heifload(path, out, "access", a, "fail_on", f, NULL);
    case CVipsShimLoaderMagick: return vips_magickload(path, out, "access", a, "fail_on", f, NULL);
    }
    vips_error("CVipsShim", "unknown loader %d", (int) loader);
    return -1;
}

int CVipsShim_load_buffer(CVipsShimLoader loader, const void *buf, size_t len, int sequential,
                          int fail_on_truncated, int shrink, VipsImage **out) {
    VipsAccess a = access_for(sequential);
    VipsFailOn f = fail_for(fail_on_truncated);
    void *b = (void *) buf;
    if (shrink < 1) shrink = 1;
    switch (loader) {
    case CVipsShimLoaderJPEG: return vips_jpegload_buffer(b, len, out, "access", a, "fail_on", f, "shrink", shrink, NULL);
    case CVipsShimLoaderPNG: return vips_pngload_buffer(b, len, out, "access", a, "fail_on", f, NULL);
    case CVipsShimLoaderWebP: return vips_webpload_buffer(b, len, out, "access", a, "fail_on", f, "scale", 1.0 / shrink, NULL);
    case CVipsShimLoaderTIFF: return vips_tiffload_buffer(b, len, out, "access", a, "fail_on", f, NULL);
    case CVipsShimLoaderGIF: return vips_gifload_buffer(b, len, out, "access", a, "fail_on", f, NULL);
    case CVipsShimLoaderHEIF: return vips_heifload_buffer(b, len, out, "access", a, "fail_on", f, NULL);
    case CVipsShimLoaderMagick: return vips_magickload_buffer(b, len, out, "access", a, "fail_on", f, NULL);
    }
    vips_error("CVipsShim", "unknown loader %d", (int) loader);
    return -1;
}

int CVipsShim_icc_to_srgb(VipsImage *in, VipsImage **out, const char *fallback_profile) {
    if (fallback_profile)
        return vips_icc_transform(in, out, "srgb", "embedded", TRUE, "input_profile", fallback_profile,
                                  "intent", VIPS_INTENT_PERCEPTUAL, "depth", 8, NULL);
    return vips_icc_transform(in, out, "srgb", "embedded", TRUE, "intent", VIPS_INTENT_PERCEPTUAL,
                              "depth", 8, NULL);
}

int CVipsShim_colourspace_srgb(VipsImage *in, VipsImage **out) {
    return vips_colourspace(in, out, VIPS_INTERPRETATION_sRGB, NULL);
}

int CVipsShim_cast_uchar(VipsImage *in, VipsImage **out) {
    return vips_cast(in, out, VIPS_FORMAT_UCHAR, NULL);
}

int CVipsShim_flatten(VipsImage *in, VipsImage **out, double r, double g, double b, double max_alpha) {
    VipsArrayDouble *background = vips_array_double_newv(3, r, g, b);
    int result = vips_flatten(in, out, "background", background, "max_alpha", max_alpha, NULL);
    vips_area_unref(VIPS_AREA(background));
    return result;
}

int CVipsShim_premultiply(VipsImage *in, VipsImage **out) { return vips_premultiply(in, out, NULL); }
int CVipsShim_unpremultiply(VipsImage *in, VipsImage **out) { return vips_unpremultiply(in, out, NULL); }

int CVipsShim_resize(VipsImage *in, VipsImage **out, double hscale, double vscale) {
    return vips_resize(in, out, hscale, "vscale", vscale, "kernel", VIPS_KERNEL_LANCZOS3, NULL);
}

int CVipsShim_autorot(VipsImage *in, VipsImage **out) { return vips_autorot(in, out, NULL); }

int CVipsShim_extract_area(VipsImage *in, VipsImage **out, int left, int top, int width, int height) {
    return vips_extract_area(in, out, left, top, width, height, NULL);
}

int CVipsShim_extract_bands(VipsImage *in, VipsImage **out, int band, int n) {
    return vips_extract_band(in, out, band, "n", n, NULL);
}

int CVipsShim_smartcrop(VipsImage *in, VipsImage **out, int width, int height, int interesting,
                        int *left, int *top) {
    VipsInteresting mode = interesting == 2 ? VIPS_INTERESTING_ATTENTION
                         : interesting == 1 ? VIPS_INTERESTING_ENTROPY
                                            : VIPS_INTERESTING_CENTRE;
    return vips_smartcrop(in, out, width, height, "interesting", mode,
                          "attention_x", left, "attention_y", top, NULL);
}

int CVipsShim_embed(VipsImage *in, VipsImage **out, int x, int y, int width, int height,
                    const double *background, int n) {
    VipsArrayDouble *bg = vips_array_double_new(background, n);
    int result = vips_embed(in, out, x, y, width, height, "extend", VIPS_EXTEND_BACKGROUND,
                            "background", bg, NULL);
    vips_area_unref(VIPS_AREA(bg));
    return result;
}

int CVipsShim_gaussblur(VipsImage *in, VipsImage **out, double sigma) {
    return vips_gaussblur(in, out, sigma, NULL);
}

int CVipsShim_insert(VipsImage *main, VipsImage *sub, VipsImage **out, int x, int y) {
    return vips_insert(main, sub, out, x, y, NULL);
}

int CVipsShim_copy_without_metadata(VipsImage *in, VipsImage **out) {
    if (vips_copy(in, out, NULL)) return -1;
    static const char *fields[] = {"exif-data", "xmp-data", "iptc-data", "orientation",
                                   "n-pages", "page-height", "delay", "loop", "gif-delay",
                                   "gif-loop", "gif-palette"};
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
        vips_image_remove(*out, fields[i]);
    return 0;
}

int CVipsShim_avg(VipsImage *in, double *out) { return vips_avg(in, out, NULL); }

int CVipsShim_jpegsave_buffer(VipsImage *in, void **buf, size_t *len, int quality, int optimize_coding) {
    // 4:2:0 at every quality: the video is 4:2:0 anyway, and `auto` doubles the size at Q >= 90.
    // optimize_coding makes libjpeg hold every DCT coefficient of the image until the end (about
    // 80 MB more peak for 6000×4500) for a few percent fewer bytes: worth it only when over budget.
    return vips_jpegsave_buffer(in, buf, len, "Q", quality, "optimize_coding", optimize_coding ? TRUE : FALSE, "strip", TRUE,
                                "subsample_mode", VIPS_FOREIGN_SUBSAMPLE_ON, NULL);
}

int CVipsShim_pngsave_buffer(VipsImage *in, void **buf, size_t *len, int compression) {
    return vips_pngsave_buffer(in, buf, len, "compression", compression, "strip", TRUE, NULL);
}

int CVipsShim_webpsave_buffer(VipsImage *in, void **buf, size_t *len, int quality, int lossless) {
    return vips_webpsave_buffer(in, buf, len, "Q", quality, "lossless", lossless, "strip", TRUE, NULL);
}

int CVipsShim_get_int(VipsImage *image, const char *name, int fallback) {
    int value = fallback;
    if (vips_image_get_typeof(image, name) == 0) return fallback;
    if (vips_image_get_int(image, name, &value)) {
        vips_error_clear();
        return fallback;
    }
    return value;
}

int CVipsShim_has_field(VipsImage *image, const char *name) {
    return vips_image_get_typeof(image, name) != 0;
}

void CVipsShim_unref(VipsImage *image) { g_object_unref(image); }
void CVipsShim_free(void *memory) { g_free(memory); }

int CVipsShim_getpoint(VipsImage *in, int x, int y, double *values, int capacity) {
    double *vector = NULL;
    int n = 0;
    if (vips_getpoint(in, &vector, &n, x, y, NULL)) return -1;
    int count = n < capacity ? n : capacity;
    for (int i = 0; i < count; i++) values[i] = vector[i];
    g_free(vector);
    return count;
}
