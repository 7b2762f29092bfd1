// Fixed-argument forwards for the variadic libvips calls Swift cannot import.
// Each function is one call into libvips; policy lives in Swift. See
// https://www.libvips.org/API/8.14/ for the functions these forward to.
#ifndef CVIPSSHIM_H
#define CVIPSSHIM_H

#include <stddef.h>
#include <vips/vips.h>

typedef enum {
    CVipsShimLoaderJPEG = 0,
    CVipsShimLoaderPNG,
    CVipsShimLoaderWebP,
    CVipsShimLoaderTIFF,
    CVipsShimLoaderGIF,
    CVipsShimLoaderHEIF,
    CVipsShimLoaderMagick,
} CVipsShimLoader;

typedef void (*CVipsShimLogSink)(const char *domain, int level, const char *message);

/// Starts libvips once: cache off, untrusted loaders blocked except ImageMagick (BMP only,
/// behind our own header check). Returns 0 on success.
int CVipsShim_start(const char *program_name, int concurrency);
void CVipsShim_set_log_sink(CVipsShimLogSink sink);
/// The error buffer's text (caller frees with g_free) and the buffer cleared.
char *CVipsShim_take_error(void);

/// Opens an image. `shrink` > 1 asks JPEG/WebP for shrink-on-load. `fail_on_truncated`
/// turns truncated pixel data into an error instead of grey rows.
int CVipsShim_load_file(CVipsShimLoader loader, const char *path, int sequential,
                        int fail_on_truncated, int shrink, VipsImage **out);
int CVipsShim_load_buffer(CVipsShimLoader loader, const void *buf, size_t len, int sequential,
                          int fail_on_truncated, int shrink, VipsImage **out);

int CVipsShim_icc_to_srgb(VipsImage *in, VipsImage **out, const char *fallback_profile);
int CVipsShim_colourspace_srgb(VipsImage *in, VipsImage **out);
int CVipsShim_cast_uchar(VipsImage *in, VipsImage **out);
int CVipsShim_flatten(VipsImage *in, VipsImage **out, double r, double g, double b, double max_alpha);
int CVipsShim_premultiply(VipsImage *in, VipsImage **out);
int CVipsShim_unpremultiply(VipsImage *in, VipsImage **out);
int CVipsShim_resize(VipsImage *in, VipsImage **out, double hscale, double vscale);
int CVipsShim_autorot(VipsImage *in, VipsImage **out);
int CVipsShim_extract_area(VipsImage *in, VipsImage **out, int left, int top, int width, int height);
int CVipsShim_extract_bands(VipsImage *in, VipsImage **out, int band, int n);
/// `interesting`: 0 centre, 1 entropy, 2 attention. Writes the chosen origin to left/top.
int CVipsShim_smartcrop(VipsImage *in, VipsImage **out, int width, int height, int interesting,
                        int *left, int *top);
int CVipsShim_embed(VipsImage *in, VipsImage **out, int x, int y, int width, int height,
                    const double *background, int n);
int CVipsShim_gaussblur(VipsImage *in, VipsImage **out, double sigma);
int CVipsShim_insert(VipsImage *main, VipsImage *sub, VipsImage **out, int x, int y);
/// A copy without EXIF, XMP, IPTC and orientation: WebP's `strip` keeps EXIF in 8.14.
int CVipsShim_copy_without_metadata(VipsImage *in, VipsImage **out);
int CVipsShim_avg(VipsImage *in, double *out);

int CVipsShim_jpegsave_buffer(VipsImage *in, void **buf, size_t *len, int quality, int optimize_coding);
int CVipsShim_pngsave_buffer(VipsImage *in, void **buf, size_t *len, int compression);
int CVipsShim_webpsave_buffer(VipsImage *in, void **buf, size_t *len, int quality, int lossless);

int CVipsShim_get_int(VipsImage *image, const char *name, int fallback);
int CVipsShim_has_field(VipsImage *image, const char *name);
/// Reads one pixel (for tests); returns the number of bands written, or -1.
int CVipsShim_getpoint(VipsImage *in, int x, int y, double *values, int capacity);
void CVipsShim_unref(VipsImage *image);
void CVipsShim_free(void *memory);

#endif
