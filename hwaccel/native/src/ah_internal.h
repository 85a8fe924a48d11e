/*
 * Shared helpers and the FFmpeg version differences, kept in one place.
 *
 *   FFmpeg 4.4: libavcodec 58.134   AVFrame.key_frame; avcodec_find_* return non-const in 4.x
 *   FFmpeg 5.1: libavcodec 59.37    const AVCodec *; channel_layout still present (audio only)
 *   FFmpeg 6.1: libavutil 58.29     AV_FRAME_FLAG_KEY added, key_frame deprecated
 *   FFmpeg 7.x: libavcodec 61       avcodec_close deprecated (avcodec_free_context is enough),
 *                                   AVCodec.pix_fmts deprecated for avcodec_get_supported_config
 */
#ifndef AH_INTERNAL_H
#define AH_INTERNAL_H

#include <libavcodec/avcodec.h>
#include <libavutil/frame.h>
#include <libavutil/pixfmt.h>

#include "appliance_hwaccel.h"

/* Whether a decoded frame is a keyframe. */
#if defined(AV_FRAME_FLAG_KEY)
#define AH_FRAME_IS_KEY(f) (((f)->flags & AV_FRAME_FLAG_KEY) != 0)
#else
#define AH_FRAME_IS_KEY(f) ((f)->key_frame != 0)
#endif

/* Asking an encoder for a keyframe: pict_type = I works on every version;
 * from 6.1 the key flag is set as well so newer wrappers see it either way. */
#if defined(AV_FRAME_FLAG_KEY)
#define AH_FRAME_SET_KEY(f, on) do { (f)->pict_type = (on) ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE; \
    if (on) (f)->flags |= AV_FRAME_FLAG_KEY; else (f)->flags &= ~AV_FRAME_FLAG_KEY; } while (0)
#else
#define AH_FRAME_SET_KEY(f, on) do { (f)->pict_type = (on) ? AV_PICTURE_TYPE_I : AV_PICTURE_TYPE_NONE; } while (0)
#endif

#if LIBAVCODEC_VERSION_INT >= AV_VERSION_INT(59, 0, 100)
typedef const AVCodec ah_codec_t;
#else
typedef AVCodec ah_codec_t;
#endif

#define AH_ERR_CAP 256

/* Writes a message into a caller buffer (always NUL-terminated when cap > 0). */
void ah_set_error(char *dst, int cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Describes an AVERROR code into dst, prefixed with what was being done. */
void ah_set_av_error(char *dst, int cap, const char *what, int averror);
/* Copies an internal error text out to a caller. */
int ah_copy_error(const char *src, char *buf, int cap);

/* Maps ah_pixel_format to FFmpeg's, or AV_PIX_FMT_NONE. */
enum AVPixelFormat ah_to_av_pix_fmt(int pixel_format);
/* Whether the codec lists this software pixel format as input. */
int ah_codec_supports_pix_fmt(const AVCodecContext *ctx, ah_codec_t *codec, enum AVPixelFormat fmt);
/* The first input pixel format a codec lists, or AV_PIX_FMT_NONE. */
enum AVPixelFormat ah_codec_first_pix_fmt(const AVCodecContext *ctx, ah_codec_t *codec);

/* Parses "k=v;k=v" into a dictionary. 0 or AVERROR. */
int ah_parse_options(AVDictionary **dict, const char *options);
/* Builds a hardware device context. 0 or AVERROR. */
int ah_hwdevice_create(AVBufferRef **out, const char *type, const char *device, char *err, int err_cap);

static inline int ah_is_empty(const char *s) { return s == NULL || s[0] == '\0'; }

#endif
