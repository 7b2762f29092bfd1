// Fixed-argument forwards for the variadic libvips calls Swift cannot import, and for VIPS_INIT,
// a macro. Each function is exactly one libvips call with every option passed in from Swift:
// no setting, constant or choice lives here. See https://www.libvips.org/API/8.14/. The one
// exception, the lent view a saver gets, has a header of its own (CVipsShimView.h).
#ifndef CVIPSSHIM_H
#define CVIPSSHIM_H

#include <stddef.h>
#include <vips/vips.h>

#include "CVipsShimView.h"

/// Which libvips loader `CVipsShim_load_*` calls; Swift picks it from the sniffed bytes.
typedef enum {
    CVipsShimLoaderJPEG = 0,
    CVipsShimLoaderPNG,
    CVipsShimLoaderWebP,
    CVipsShimLoaderTIFF,
    CVipsShimLoaderGIF,
    CVipsShimLoaderHEIF,
    CVipsShimLoaderMagick,
} CVipsShimLoader;

/// VIPS_INIT(program_name).
int CVipsShim_init(const char *program_name);

/// The loader's `access` and `fail_on`; `shrink` goes to jpegload only and `scale` to webpload
/// only (the options they have for shrink-on-load).
int CVipsShim_load_file(CVipsShimLoader loader, const char *path, VipsAccess access, VipsFailOn fail_on,
                        int shrink, double scale, VipsImage **out);
int CVipsShim_load_buffer(CVipsShimLoader loader, const void *buf, size_t len, VipsAccess access,
                          VipsFailOn fail_on, int shrink, double scale, VipsImage **out);

/// vips_icc_transform; `input_profile` may be NULL (then no fallback profile is passed).
int CVipsShim_icc_transform(VipsImage *in, VipsImage **out, const char *output_profile, const char *input_profile,
                            gboolean embedded, VipsIntent intent, int depth);
int CVipsShim_colourspace(VipsImage *in, VipsImage **out, VipsInterpretation space);
int CVipsShim_cast(VipsImage *in, VipsImage **out, VipsBandFormat format);
int CVipsShim_flatten(VipsImage *in, VipsImage **out, const double *background, int n, double max_alpha);
int CVipsShim_premultiply(VipsImage *in, VipsImage **out);
int CVipsShim_unpremultiply(VipsImage *in, VipsImage **out);
int CVipsShim_resize(VipsImage *in, VipsImage **out, double hscale, double vscale, VipsKernel kernel);
int CVipsShim_autorot(VipsImage *in, VipsImage **out);
int CVipsShim_extract_area(VipsImage *in, VipsImage **out, int left, int top, int width, int height);
int CVipsShim_smartcrop(VipsImage *in, VipsImage **out, int width, int height, VipsInteresting interesting);
int CVipsShim_embed(VipsImage *in, VipsImage **out, int x, int y, int width, int height, VipsExtend extend,
                    const double *background, int n);
int CVipsShim_gaussblur(VipsImage *in, VipsImage **out, double sigma);
int CVipsShim_insert(VipsImage *main, VipsImage *sub, VipsImage **out, int x, int y);
int CVipsShim_copy(VipsImage *in, VipsImage **out);
int CVipsShim_avg(VipsImage *in, double *out);

int CVipsShim_jpegsave_target(VipsImage *in, VipsTarget *target, int quality, gboolean optimize_coding,
                              gboolean strip, VipsForeignSubsample subsample_mode);
int CVipsShim_pngsave_target(VipsImage *in, VipsTarget *target, int compression, gboolean strip);
int CVipsShim_webpsave_target(VipsImage *in, VipsTarget *target, int quality, gboolean lossless, gboolean strip);
int CVipsShim_jpegsave_buffer(VipsImage *in, void **buf, size_t *len, int quality, gboolean optimize_coding,
                              gboolean strip, VipsForeignSubsample subsample_mode);
int CVipsShim_pngsave_buffer(VipsImage *in, void **buf, size_t *len, int compression, gboolean strip);
int CVipsShim_webpsave_buffer(VipsImage *in, void **buf, size_t *len, int quality, gboolean lossless, gboolean strip);

/// vips_text: a one-band mask of `text` (Pango markup), wrapped at `width` pixels.
int CVipsShim_text(VipsImage **out, const char *text, const char *font, int width, int dpi);
/// The draw operations paint into `image` in place (libvips makes it a memory image first).
int CVipsShim_draw_rect(VipsImage *image, const double *ink, int n, int left, int top, int width, int height,
                        gboolean fill);
int CVipsShim_draw_line(VipsImage *image, const double *ink, int n, int x1, int y1, int x2, int y2);
int CVipsShim_draw_mask(VipsImage *image, const double *ink, int n, VipsImage *mask, int x, int y);
/// vips_linear1: out = in * a + b, cast back to uchar when `uchar`.
int CVipsShim_linear1(VipsImage *in, VipsImage **out, double a, double b, gboolean uchar);
int CVipsShim_black(VipsImage **out, int width, int height, int bands);
int CVipsShim_arrayjoin(VipsImage **in, VipsImage **out, int n, int across, const double *background, int nb);
int CVipsShim_join(VipsImage *in1, VipsImage *in2, VipsImage **out, VipsDirection direction, gboolean expand,
                   const double *background, int nb);

#endif
