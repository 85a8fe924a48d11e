/*
 * Scaler: libswscale with a few cached contexts, so a steady layout reuses its SwsContexts. One
 * participant's picture may be drawn at several sizes each tick (the shared canvas and the personal
 * canvases, in which the tiles are fewer and larger): a single cached context would be torn down and
 * rebuilt for every one of them, so the scaler keeps AH_SCALER_CONTEXTS of them and replaces the least
 * recently used.
 *
 * libswscale's SIMD output stage stores whole vectors: for a destination width that is not a
 * multiple of 16 it writes up to 6 luma and 7 chroma samples past the right edge of the
 * destination (measured with FFmpeg 5.1 on x86-64). Scaling into a rectangle of a canvas would
 * then paint over the neighbouring tile, or wrap into the next row at the canvas's right edge.
 * Such widths are scaled into a scratch image (rows padded to 64 bytes, kept between calls) and
 * copied out row by row, exactly dw samples wide.
 */
#include <string.h>

#include <libswscale/swscale.h>
#include <libavutil/mem.h>

#include "ah_internal.h"

#define AH_SCRATCH_ALIGN 64
#define AH_ALIGN_UP(x, a) (((x) + (a) - 1) / (a) * (a))

#define AH_SCALER_CONTEXTS 4

/* One cached conversion: source and destination size and format. */
struct ah_sws_entry {
    struct SwsContext *sws;
    int sw, sh, dw, dh;
    enum AVPixelFormat sfmt, dfmt;
    unsigned long last_use;
};

struct ah_scaler {
    struct ah_sws_entry contexts[AH_SCALER_CONTEXTS];
    unsigned long uses;
    uint8_t *scratch;      /* the three planes of the scratch image, one allocation */
    size_t scratch_size;
};

/* The context for this conversion: a cached one, or the least recently used (or an empty) entry rebuilt. */
static struct SwsContext *ah_scaler_context(ah_scaler *sc, int sw, int sh, enum AVPixelFormat sfmt,
                                            int dw, int dh, enum AVPixelFormat dfmt)
{
    struct ah_sws_entry *victim = &sc->contexts[0];
    sc->uses++;
    for (int i = 0; i < AH_SCALER_CONTEXTS; i++) {
        struct ah_sws_entry *e = &sc->contexts[i];
        if (e->sws != NULL && e->sw == sw && e->sh == sh && e->sfmt == sfmt && e->dw == dw && e->dh == dh && e->dfmt == dfmt) {
            e->last_use = sc->uses;
            return e->sws;
        }
        if (e->last_use < victim->last_use)
            victim = e; /* empty entries have last_use 0: they are taken first */
    }
    victim->sws = sws_getCachedContext(victim->sws, sw, sh, sfmt, dw, dh, dfmt, SWS_BILINEAR, NULL, NULL, NULL);
    victim->sw = sw; victim->sh = sh; victim->sfmt = sfmt;
    victim->dw = dw; victim->dh = dh; victim->dfmt = dfmt;
    victim->last_use = victim->sws != NULL ? sc->uses : 0;
    return victim->sws;
}

ah_scaler *ah_scaler_create(void)
{
    return av_mallocz(sizeof(ah_scaler));
}

/* Grows the scratch buffer to at least size bytes (it never shrinks). 0, or AH_ENOMEM. */
static int ah_scaler_reserve(ah_scaler *sc, size_t size)
{
    if (sc->scratch_size >= size)
        return AH_OK;
    av_freep(&sc->scratch);
    sc->scratch_size = 0;
    sc->scratch = av_malloc(size);
    if (sc->scratch == NULL)
        return AH_ENOMEM;
    sc->scratch_size = size;
    return AH_OK;
}

static void ah_copy_rows(uint8_t *dst, int dst_stride, const uint8_t *src, int src_stride, int bytes, int rows)
{
    for (int row = 0; row < rows; row++)
        memcpy(dst + (size_t)row * dst_stride, src + (size_t)row * src_stride, (size_t)bytes);
}

int ah_scaler_scale(ah_scaler *sc,
                    const uint8_t *sp0, int ss0, const uint8_t *sp1, int ss1, const uint8_t *sp2, int ss2,
                    int sw, int sh, int sfmt,
                    uint8_t *dp0, int ds0, uint8_t *dp1, int ds1, uint8_t *dp2, int ds2,
                    int dw, int dh, int dfmt)
{
    enum AVPixelFormat src_fmt = ah_to_av_pix_fmt(sfmt);
    enum AVPixelFormat dst_fmt = ah_to_av_pix_fmt(dfmt);
    if (sc == NULL || src_fmt == AV_PIX_FMT_NONE || dst_fmt == AV_PIX_FMT_NONE || sw <= 0 || sh <= 0 ||
        dw <= 0 || dh <= 0 || sp0 == NULL || sp1 == NULL || dp0 == NULL || dp1 == NULL ||
        (dst_fmt != AV_PIX_FMT_NV12 && dp2 == NULL))
        return AH_EINVAL;
    struct SwsContext *sws = ah_scaler_context(sc, sw, sh, src_fmt, dw, dh, dst_fmt);
    if (sws == NULL)
        return AH_EFAIL;
    const int nv12 = dst_fmt == AV_PIX_FMT_NV12;
    const uint8_t *src[4] = { sp0, sp1, src_fmt == AV_PIX_FMT_NV12 ? NULL : sp2, NULL };
    const int src_strides[4] = { ss0, ss1, src_fmt == AV_PIX_FMT_NV12 ? 0 : ss2, 0 };
    const int chroma_rows = (dh + 1) / 2;
    /* Bytes of one chroma row: interleaved Cb/Cr pairs in NV12, one plane's samples in I420. */
    const int chroma_bytes = nv12 ? 2 * ((dw + 1) / 2) : (dw + 1) / 2;

    if (dw % 16 == 0) {
        uint8_t *dst[4] = { dp0, dp1, nv12 ? NULL : dp2, NULL };
        const int dst_strides[4] = { ds0, ds1, nv12 ? 0 : ds2, 0 };
        return sws_scale(sws, src, src_strides, 0, sh, dst, dst_strides) == dh ? AH_OK : AH_EFAIL;
    }

    /* The scratch image's rows are padded far beyond the largest overrun. */
    const int luma_stride = AH_ALIGN_UP(dw, AH_SCRATCH_ALIGN) + AH_SCRATCH_ALIGN;
    const int chroma_stride = AH_ALIGN_UP(chroma_bytes, AH_SCRATCH_ALIGN) + AH_SCRATCH_ALIGN;
    const size_t luma_size = (size_t)luma_stride * dh;
    const size_t chroma_size = (size_t)chroma_stride * chroma_rows;
    int status = ah_scaler_reserve(sc, luma_size + (nv12 ? 1 : 2) * chroma_size);
    if (status != AH_OK)
        return status;
    uint8_t *scratch[4] = { sc->scratch, sc->scratch + luma_size, nv12 ? NULL : sc->scratch + luma_size + chroma_size, NULL };
    const int scratch_strides[4] = { luma_stride, chroma_stride, nv12 ? 0 : chroma_stride, 0 };
    if (sws_scale(sws, src, src_strides, 0, sh, scratch, scratch_strides) != dh)
        return AH_EFAIL;
    ah_copy_rows(dp0, ds0, scratch[0], luma_stride, dw, dh);
    ah_copy_rows(dp1, ds1, scratch[1], chroma_stride, chroma_bytes, chroma_rows);
    if (!nv12)
        ah_copy_rows(dp2, ds2, scratch[2], chroma_stride, chroma_bytes, chroma_rows);
    return AH_OK;
}

void ah_scaler_free(ah_scaler *sc)
{
    if (sc == NULL)
        return;
    for (int i = 0; i < AH_SCALER_CONTEXTS; i++)
        sws_freeContext(sc->contexts[i].sws);
    av_free(sc->scratch);
    av_free(sc);
}
