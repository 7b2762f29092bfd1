// A lent view of an image, the one part of the shim that is more than a forward: libvips 8.14's
// webpsave keeps a reference to its input for ever when the pipeline fails under it (webpsave.c
// returns after a failed vips_sink_disc without unreffing its copy of the input; fixed upstream
// in 8.15, libvips d6186cf28 and 32ddfe702). A reference kept that way holds the whole pipeline
// down to the loader, whose disc temporary (`vips-*.v` in TMPDIR) is deleted only when the
// loader goes. A saver handed a view instead keeps only the view: `CVipsShim_view_detach` cuts
// the view from the pipeline once the call returns, so the pipeline goes with its Swift owner.
#ifndef CVIPSSHIM_VIEW_H
#define CVIPSSHIM_VIEW_H

#include <vips/vips.h>

/// A new image (the caller owns one reference) whose pixels are `in`'s, read through regions on
/// `in`, with `in`'s header and metadata. It holds a reference to `in` until detached. NULL on
/// failure, with libvips' error set.
VipsImage *CVipsShim_view_new(VipsImage *in);

/// Drops the view's reference to its source; the view reads no pixels after this (a region
/// started later fails). Call it once no libvips call is using the view: a sink has returned.
void CVipsShim_view_detach(VipsImage *view);

#endif
