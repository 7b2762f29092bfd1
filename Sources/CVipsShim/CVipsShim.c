#include "CVipsShim.h"

int CVipsShim_init(const char *program_name) { return VIPS_INIT(program_name); }

int CVipsShim_load_file(CVipsShimLoader loader, const char *path, VipsAccess access, VipsFailOn fail_on,
                        int shrink, double scale, VipsImage **out) {
    switch (loader) {
    case CVipsShimLoaderJPEG: return vips_jpegload(path, out, "access", access, "fail_on", fail_on, "shrink", shrink, NULL);
    case CVipsShimLoaderPNG: return vips_pngload(path, out, "access", access, "fail_on", fail_on, NULL);
    case CVipsShimLoaderWebP: return vips_webpload(path, out, "access", access, "fail_on", fail_on, "scale", scale, NULL);
    case CVipsShimLoaderTIFF: return vips_tiffload(path, out, "access", access, "fail_on", fail_on, NULL);
    case CVipsShimLoaderGIF: return vips_gifload(path, out, "access", access, "fail_on", fail_on, NULL);
    case CVipsShimLoaderHEIF: return vips_heifload(path, out, "access", access, "fail_on", fail_on, NULL);
    case CVipsShimLoaderMagick: return vips_magickload(path, out, "access", access, "fail_on", fail_on, NULL);
    }
    vips_error("CVipsShim", "unknown loader %d", (int) loader);
    return -1;
}

int CVipsShim_load_buffer(CVipsShimLoader loader, const void *buf, size_t len, VipsAccess access,
                          VipsFailOn fail_on, int shrink, double scale, VipsImage **out) {
    void *b = (void *) buf;
    switch (loader) {
    case CVipsShimLoaderJPEG: return vips_jpegload_buffer(b, len, out, "access", access, "fail_on", fail_on, "shrink", shrink, NULL);
    case CVipsShimLoaderPNG: return vips_pngload_buffer(b, len, out, "access", access, "fail_on", fail_on, NULL);
    case CVipsShimLoaderWebP: return vips_webpload_buffer(b, len, out, "access", access, "fail_on", fail_on, "scale", scale, NULL);
    case CVipsShimLoaderTIFF: return vips_tiffload_buffer(b, len, out, "access", access, "fail_on", fail_on, NULL);
    case CVipsShimLoaderGIF: return vips_gifload_buffer(b, len, out, "access", access, "fail_on", fail_on, NULL);
    case CVipsShimLoaderHEIF: return vips_heifload_buffer(b, len, out, "access", access, "fail_on", fail_on, NULL);
    case CVipsShimLoaderMagick: return vips_magickload_buffer(b, len, out, "access", access, "fail_on", fail_on, NULL);
    }
    vips_error("CVipsShim", "unknown loader %d", (int) loader);
    return -1;
}

int CVipsShim_icc_transform(VipsImage *in, VipsImage **out, const char *output_profile, const char *input_profile,
                            gboolean embedded, VipsIntent intent, int depth) {
    if (input_profile)
        return vips_icc_transform(in, out, output_profile, "embedded", embedded, "input_profile", input_profile,
                                  "intent", intent, "depth", depth, NULL);
    return vips_icc_transform(in, out, output_profile, "embedded", embedded, "intent", intent, "depth", depth, NULL);
}

int CVipsShim_colourspace(VipsImage *in, VipsImage **out, VipsInterpretation space) {
    return vips_colourspace(in, out, space, NULL);
}

int CVipsShim_cast(VipsImage *in, VipsImage **out, VipsBandFormat format) { return vips_cast(in, out, format, NULL); }

int CVipsShim_flatten(VipsImage *in, VipsImage **out, const double *background, int n, double max_alpha) {
    VipsArrayDouble *bg = vips_array_double_new(background, n);
    int result = vips_flatten(in, out, "background", bg, "max_alpha", max_alpha, NULL);
    vips_area_unref(VIPS_AREA(bg));
    return result;
}

int CVipsShim_premultiply(VipsImage *in, VipsImage **out) { return vips_premultiply(in, out, NULL); }
int CVipsShim_unpremultiply(VipsImage *in, VipsImage **out) { return vips_unpremultiply(in, out, NULL); }

int CVipsShim_resize(VipsImage *in, VipsImage **out, double hscale, double vscale, VipsKernel kernel) {
    return vips_resize(in, out, hscale, "vscale", vscale, "kernel", kernel, NULL);
}

int CVipsShim_autorot(VipsImage *in, VipsImage **out) { return vips_autorot(in, out, NULL); }

int CVipsShim_extract_area(VipsImage *in, VipsImage **out, int left, int top, int width, int height) {
    return vips_extract_area(in, out, left, top, width, height, NULL);
}

int CVipsShim_smartcrop(VipsImage *in, VipsImage **out, int width, int height, VipsInteresting interesting) {
    return vips_smartcrop(in, out, width, height, "interesting", interesting, NULL);
}

int CVipsShim_embed(VipsImage *in, VipsImage **out, int x, int y, int width, int height, VipsExtend extend,
                    const double *background, int n) {
    VipsArrayDouble *bg = vips_array_double_new(background, n);
    int result = vips_embed(in, out, x, y, width, height, "extend", extend, "background", bg, NULL);
    vips_area_unref(VIPS_AREA(bg));
    return result;
}

int CVipsShim_gaussblur(VipsImage *in, VipsImage **out, double sigma) { return vips_gaussblur(in, out, sigma, NULL); }

int CVipsShim_insert(VipsImage *main, VipsImage *sub, VipsImage **out, int x, int y) {
    return vips_insert(main, sub, out, x, y, NULL);
}

int CVipsShim_copy(VipsImage *in, VipsImage **out) { return vips_copy(in, out, NULL); }

int CVipsShim_avg(VipsImage *in, double *out) { return vips_avg(in, out, NULL); }

int CVipsShim_jpegsave_target(VipsImage *in, VipsTarget *target, int quality, gboolean optimize_coding,
                              gboolean strip, VipsForeignSubsample subsample_mode) {
    return vips_jpegsave_target(in, target, "Q", quality, "optimize_coding", optimize_coding, "strip", strip,
                                "subsample_mode", subsample_mode, NULL);
}

int CVipsShim_pngsave_target(VipsImage *in, VipsTarget *target, int compression, gboolean strip) {
    return vips_pngsave_target(in, target, "compression", compression, "strip", strip, NULL);
}

int CVipsShim_webpsave_target(VipsImage *in, VipsTarget *target, int quality, gboolean lossless, gboolean strip) {
    return vips_webpsave_target(in, target, "Q", quality, "lossless", lossless, "strip", strip, NULL);
}

int CVipsShim_jpegsave_buffer(VipsImage *in, void **buf, size_t *len, int quality, gboolean optimize_coding,
                              gboolean strip, VipsForeignSubsample subsample_mode) {
    return vips_jpegsave_buffer(in, buf, len, "Q", quality, "optimize_coding", optimize_coding, "strip", strip,
                                "subsample_mode", subsample_mode, NULL);
}

int CVipsShim_pngsave_buffer(VipsImage *in, void **buf, size_t *len, int compression, gboolean strip) {
    return vips_pngsave_buffer(in, buf, len, "compression", compression, "strip", strip, NULL);
}

int CVipsShim_webpsave_buffer(VipsImage *in, void **buf, size_t *len, int quality, gboolean lossless, gboolean strip) {
    return vips_webpsave_buffer(in, buf, len, "Q", quality, "lossless", lossless, "strip", strip, NULL);
}

int CVipsShim_text(VipsImage **out, const char *text, const char *font, int width, int dpi) {
    return vips_text(out, text, "font", font, "width", width, "dpi", dpi, NULL);
}

int CVipsShim_draw_rect(VipsImage *image, const double *ink, int n, int left, int top, int width, int height,
                        gboolean fill) {
    return vips_draw_rect(image, (double *) ink, n, left, top, width, height, "fill", fill, NULL);
}

int CVipsShim_draw_line(VipsImage *image, const double *ink, int n, int x1, int y1, int x2, int y2) {
    return vips_draw_line(image, (double *) ink, n, x1, y1, x2, y2, NULL);
}

int CVipsShim_draw_mask(VipsImage *image, const double *ink, int n, VipsImage *mask, int x, int y) {
    return vips_draw_mask(image, (double *) ink, n, mask, x, y, NULL);
}

int CVipsShim_linear1(VipsImage *in, VipsImage **out, double a, double b, gboolean uchar) {
    return vips_linear1(in, out, a, b, "uchar", uchar, NULL);
}

int CVipsShim_black(VipsImage **out, int width, int height, int bands) {
    return vips_black(out, width, height, "bands", bands, NULL);
}

int CVipsShim_arrayjoin(VipsImage **in, VipsImage **out, int n, int across, const double *background, int nb) {
    VipsArrayDouble *bg = vips_array_double_new(background, nb);
    int result = vips_arrayjoin(in, out, n, "across", across, "background", bg, NULL);
    vips_area_unref(VIPS_AREA(bg));
    return result;
}

int CVipsShim_join(VipsImage *in1, VipsImage *in2, VipsImage **out, VipsDirection direction, gboolean expand,
                   const double *background, int nb) {
    VipsArrayDouble *bg = vips_array_double_new(background, nb);
    int result = vips_join(in1, in2, out, direction, "expand", expand, "background", bg, NULL);
    vips_area_unref(VIPS_AREA(bg));
    return result;
}
