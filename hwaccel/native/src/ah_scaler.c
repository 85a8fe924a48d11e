/* Scaler: libswscale with a cached context, so a steady layout reuses one SwsContext. */
#include <libswscale/swscale.h>
#include <libavutil/mem.h>

#include "ah_internal.h"

struct ah_scaler {
    struct SwsContext *sws;
};

ah_scaler *ah_scaler_create(void)
{
    return av_mallocz(sizeof(ah_scaler));
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
        dw <= 0 || dh <= 0 || sp0 == NULL || sp1 == NULL || dp0 == NULL || dp1 == NULL)
        return AH_EINVAL;
    sc->sws = sws_getCachedContext(sc->sws, sw, sh, src_fmt, dw, dh, dst_fmt, SWS_BILINEAR, NULL, NULL, NULL);
    if (sc->sws == NULL)
        return AH_EFAIL;
    const uint8_t *src[4] = { sp0, sp1, src_fmt == AV_PIX_FMT_NV12 ? NULL : sp2, NULL };
    const int src_strides[4] = { ss0, ss1, src_fmt == AV_PIX_FMT_NV12 ? 0 : ss2, 0 };
    uint8_t *dst[4] = { dp0, dp1, dst_fmt == AV_PIX_FMT_NV12 ? NULL : dp2, NULL };
    const int dst_strides[4] = { ds0, ds1, dst_fmt == AV_PIX_FMT_NV12 ? 0 : ds2, 0 };
    int rows = sws_scale(sc->sws, src, src_strides, 0, sh, dst, dst_strides);
    return rows == dh ? AH_OK : AH_EFAIL;
}

void ah_scaler_free(ah_scaler *sc)
{
    if (sc == NULL)
        return;
    sws_freeContext(sc->sws);
    av_free(sc);
}
