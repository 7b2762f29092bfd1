#include "CVipsShimView.h"

/// What a view reads from: a reference to the source, dropped by detach or when the view goes.
typedef struct {
    GMutex lock;
    VipsImage *source;
} CVipsShimViewSource;

static const char *const view_key = "cvipsshim-view-source";

static void view_source_free(gpointer data) {
    CVipsShimViewSource *state = data;
    VIPS_UNREF(state->source);
    g_mutex_clear(&state->lock);
    g_free(state);
}

/// One region on the source per worker thread (a region holds its own reference to the source,
/// so a detach while it lives frees nothing under it).
static void *view_start(VipsImage *out, void *a, void *b) {
    (void) out;
    (void) b;
    CVipsShimViewSource *state = a;
    VipsRegion *region = NULL;
    g_mutex_lock(&state->lock);
    if (state->source) region = vips_region_new(state->source);
    g_mutex_unlock(&state->lock);
    if (!region) vips_error("CVipsShim", "%s", "the view was detached from its source");
    return region;
}

/// The source's pixels for this area, attached without a copy (as libvips' own loaders do).
static int view_generate(VipsRegion *out, void *seq, void *a, void *b, gboolean *stop) {
    (void) a;
    (void) b;
    (void) stop;
    VipsRegion *in = seq;
    VipsRect *area = &out->valid;
    if (vips_region_prepare(in, area)) return -1;
    return vips_region_region(out, in, area, area->left, area->top);
}

static int view_stop(void *seq, void *a, void *b) {
    (void) a;
    (void) b;
    g_object_unref(seq);
    return 0;
}

VipsImage *CVipsShim_view_new(VipsImage *in) {
    VipsImage *view = vips_image_new();
    CVipsShimViewSource *state = g_new0(CVipsShimViewSource, 1);
    g_mutex_init(&state->lock);
    state->source = in;
    g_object_ref(in);
    // Freed with the view, whenever that is: a saver may keep the view for ever.
    g_object_set_data_full(G_OBJECT(view), view_key, state, view_source_free);
    if (vips_image_pipelinev(view, in->dhint, in, NULL) ||
        vips_image_generate(view, view_start, view_generate, view_stop, state, NULL)) {
        g_object_unref(view);
        return NULL;
    }
    return view;
}

void CVipsShim_view_detach(VipsImage *view) {
    CVipsShimViewSource *state = g_object_get_data(G_OBJECT(view), view_key);
    if (!state) return;
    g_mutex_lock(&state->lock);
    VipsImage *source = state->source;
    state->source = NULL;
    g_mutex_unlock(&state->lock);
    VIPS_UNREF(source);
}
