/* Error text and pixel format mapping shared by the encoder, decoder and scaler. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <libavutil/error.h>

#include "ah_internal.h"

void ah_set_error(char *dst, int cap, const char *fmt, ...)
{
    if (dst == NULL || cap <= 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(dst, (size_t)cap, fmt, ap);
    va_end(ap);
}

void ah_set_av_error(char *dst, int cap, const char *what, int averror)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = { 0 };
    av_strerror(averror, text, sizeof(text));
    ah_set_error(dst, cap, "%s: %s", what, text);
}

int ah_copy_error(const char *src, char *buf, int cap)
{
    if (buf == NULL || cap <= 0)
        return AH_EINVAL;
    snprintf(buf, (size_t)cap, "%s", src != NULL ? src : "");
    return AH_OK;
}

enum AVPixelFormat ah_to_av_pix_fmt(int pixel_format)
{
    switch (pixel_format) {
    case AH_PIX_I420: return AV_PIX_FMT_YUV420P;
    case AH_PIX_NV12: return AV_PIX_FMT_NV12;
    default: return AV_PIX_FMT_NONE;
    }
}

/* The list of input formats moved from AVCodec.pix_fmts to avcodec_get_supported_config in 7.1. */
static const enum AVPixelFormat *codec_pix_fmts(const AVCodecContext *ctx, ah_codec_t *codec)
{
#if LIBAVCODEC_VERSION_INT >= AV_VERSION_INT(61, 13, 100)
    const void *configs = NULL;
    int count = 0;
    if (avcodec_get_supported_config(ctx, codec, AV_CODEC_CONFIG_PIX_FORMAT, 0, &configs, &count) < 0)
        return NULL;
    return (const enum AVPixelFormat *)configs;
#else
    (void)ctx;
    return codec->pix_fmts;
#endif
}

int ah_codec_supports_pix_fmt(const AVCodecContext *ctx, ah_codec_t *codec, enum AVPixelFormat fmt)
{
    const enum AVPixelFormat *list = codec_pix_fmts(ctx, codec);
    if (list == NULL)
        return 1; /* the codec does not say: assume it takes what it is given */
    for (; *list != AV_PIX_FMT_NONE; list++)
        if (*list == fmt)
            return 1;
    return 0;
}

enum AVPixelFormat ah_codec_first_pix_fmt(const AVCodecContext *ctx, ah_codec_t *codec)
{
    const enum AVPixelFormat *list = codec_pix_fmts(ctx, codec);
    return list != NULL ? list[0] : AV_PIX_FMT_NONE;
}
