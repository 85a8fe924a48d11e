/*
 * Decoder: one AVCodecContext, a padded input buffer reused for every packet,
 * the decoded picture held until the caller copies it out into its own planes.
 */
#include <limits.h>
#include <string.h>

#include <libavutil/hwcontext.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>

#include "ah_internal.h"

struct ah_decoder {
    AVCodecContext *ctx;
    AVPacket *packet;
    uint8_t *input;        /* the packet bytes plus AV_INPUT_BUFFER_PADDING_SIZE zeros */
    int input_cap;
    AVFrame *frame;        /* the held decoded picture */
    AVFrame *sw_frame;     /* the picture downloaded from a hardware surface */
    int holding;
    enum AVPixelFormat hw_fmt;
    struct SwsContext *convert; /* cached: picture layout -> caller layout */
    char error[AH_ERR_CAP];
};

/* get_format callback: pick the hardware surface format when a device was given. */
static enum AVPixelFormat pick_hw_format(AVCodecContext *ctx, const enum AVPixelFormat *formats)
{
    ah_decoder *dec = ctx->opaque;
    for (const enum AVPixelFormat *p = formats; *p != AV_PIX_FMT_NONE; p++)
        if (*p == dec->hw_fmt)
            return *p;
    return formats[0]; /* software fallback inside the decoder */
}

static enum AVPixelFormat hw_format_of(const char *hw_type)
{
    enum AVHWDeviceType t = av_hwdevice_find_type_by_name(hw_type);
    switch (t) {
    case AV_HWDEVICE_TYPE_VAAPI: return AV_PIX_FMT_VAAPI;
    case AV_HWDEVICE_TYPE_CUDA: return AV_PIX_FMT_CUDA;
    default: return AV_PIX_FMT_NONE;
    }
}

int ah_decoder_open(const char *codec_name, const char *options, const char *hw_type, const char *hw_device,
                    ah_decoder **out, char *err, int err_cap)
{
    if (out == NULL || ah_is_empty(codec_name)) {
        ah_set_error(err, err_cap, "invalid decoder arguments");
        return AH_EINVAL;
    }
    *out = NULL;
    ah_codec_t *codec = avcodec_find_decoder_by_name(codec_name);
    if (codec == NULL) {
        ah_set_error(err, err_cap, "decoder '%s' not in this FFmpeg build", codec_name);
        return AH_ENOTFOUND;
    }
    ah_decoder *dec = av_mallocz(sizeof(*dec));
    if (dec == NULL)
        return AH_ENOMEM;
    dec->ctx = avcodec_alloc_context3(codec);
    dec->packet = av_packet_alloc();
    dec->frame = av_frame_alloc();
    dec->sw_frame = av_frame_alloc();
    dec->hw_fmt = AV_PIX_FMT_NONE;
    AVDictionary *dict = NULL;
    int ret = AVERROR(ENOMEM);
    if (dec->ctx == NULL || dec->packet == NULL || dec->frame == NULL || dec->sw_frame == NULL)
        goto fail;
    /* Real-time: output each picture as soon as it is decoded. */
    dec->ctx->flags |= AV_CODEC_FLAG_LOW_DELAY;
    dec->ctx->opaque = dec;
    if (!ah_is_empty(hw_type)) {
        ret = ah_hwdevice_create(&dec->ctx->hw_device_ctx, hw_type, hw_device, err, err_cap);
        if (ret < 0)
            goto fail;
        dec->hw_fmt = hw_format_of(hw_type);
        dec->ctx->get_format = pick_hw_format;
    }
    ret = ah_parse_options(&dict, options);
    if (ret < 0) {
        ah_set_av_error(err, err_cap, "options", ret);
        goto fail;
    }
    ret = avcodec_open2(dec->ctx, codec, &dict);
    if (ret < 0) {
        ah_set_av_error(err, err_cap, codec_name, ret);
        goto fail;
    }
    if (av_dict_count(dict) > 0) {
        ah_set_error(err, err_cap, "option '%s' not recognised by %s", av_dict_get(dict, "", NULL, AV_DICT_IGNORE_SUFFIX)->key, codec_name);
        ret = AVERROR_OPTION_NOT_FOUND;
        goto fail;
    }
    av_dict_free(&dict);
    *out = dec;
    return AH_OK;
fail:
    av_dict_free(&dict);
    ah_decoder_close(dec);
    return ret == AVERROR(ENOMEM) ? AH_ENOMEM : AH_EFAIL;
}

int ah_decoder_send_packet(ah_decoder *dec, const uint8_t *data, int len, int64_t pts)
{
    if (dec == NULL || data == NULL || len <= 0 || len > INT_MAX - AV_INPUT_BUFFER_PADDING_SIZE)
        return AH_EINVAL;
    int need = len + AV_INPUT_BUFFER_PADDING_SIZE;
    if (need > dec->input_cap) {
        uint8_t *grown = av_realloc(dec->input, (size_t)need);
        if (grown == NULL)
            return AH_ENOMEM;
        dec->input = grown;
        dec->input_cap = need;
    }
    memcpy(dec->input, data, (size_t)len);
    memset(dec->input + len, 0, AV_INPUT_BUFFER_PADDING_SIZE);
    dec->packet->data = dec->input;
    dec->packet->size = len;
    dec->packet->pts = pts;
    dec->packet->dts = pts;
    int ret = avcodec_send_packet(dec->ctx, dec->packet);
    dec->packet->data = NULL;
    dec->packet->size = 0;
    if (ret == AVERROR(EAGAIN))
        return AH_EAGAIN;
    if (ret == AVERROR_INVALIDDATA) {
        ah_set_av_error(dec->error, AH_ERR_CAP, "avcodec_send_packet", ret);
        return AH_EINVALIDDATA;
    }
    if (ret < 0) {
        ah_set_av_error(dec->error, AH_ERR_CAP, "avcodec_send_packet", ret);
        return AH_EFAIL;
    }
    return AH_OK;
}

int ah_decoder_receive_frame(ah_decoder *dec, int *width, int *height, int64_t *pts, int *flags)
{
    if (dec == NULL || width == NULL || height == NULL || pts == NULL || flags == NULL)
        return AH_EINVAL;
    if (dec->holding) {
        av_frame_unref(dec->frame);
        dec->holding = 0;
    }
    int ret = avcodec_receive_frame(dec->ctx, dec->frame);
    if (ret == AVERROR(EAGAIN))
        return AH_EAGAIN;
    if (ret == AVERROR_EOF)
        return AH_EOF;
    if (ret < 0) {
        ah_set_av_error(dec->error, AH_ERR_CAP, "avcodec_receive_frame", ret);
        return ret == AVERROR_INVALIDDATA ? AH_EINVALIDDATA : AH_EFAIL;
    }
    dec->holding = 1;
    *width = dec->frame->width;
    *height = dec->frame->height;
    *pts = dec->frame->best_effort_timestamp != AV_NOPTS_VALUE ? dec->frame->best_effort_timestamp : dec->frame->pts;
    *flags = (AH_FRAME_IS_KEY(dec->frame) ? AH_FRAME_KEY : 0) |
             ((dec->frame->flags & AV_FRAME_FLAG_CORRUPT) || dec->frame->decode_error_flags ? AH_FRAME_CORRUPT : 0);
    return AH_OK;
}

int ah_decoder_copy_frame(ah_decoder *dec, uint8_t *p0, int s0, uint8_t *p1, int s1, uint8_t *p2, int s2,
                          int pixel_format)
{
    enum AVPixelFormat want = ah_to_av_pix_fmt(pixel_format);
    if (dec == NULL || !dec->holding || p0 == NULL || p1 == NULL || want == AV_PIX_FMT_NONE ||
        (want == AV_PIX_FMT_YUV420P && p2 == NULL))
        return AH_EINVAL;
    AVFrame *src = dec->frame;
    if (src->hw_frames_ctx != NULL) {
        av_frame_unref(dec->sw_frame);
        int ret = av_hwframe_transfer_data(dec->sw_frame, src, 0);
        if (ret < 0) {
            ah_set_av_error(dec->error, AH_ERR_CAP, "hardware frame download", ret);
            return AH_EFAIL;
        }
        src = dec->sw_frame;
    }
    uint8_t *dst[4] = { p0, p1, want == AV_PIX_FMT_NV12 ? NULL : p2, NULL };
    int strides[4] = { s0, s1, want == AV_PIX_FMT_NV12 ? 0 : s2, 0 };
    /* yuvj420p (full range JPEG flavour) has the same memory layout as yuv420p. */
    enum AVPixelFormat have = src->format == AV_PIX_FMT_YUVJ420P ? AV_PIX_FMT_YUV420P : src->format;
    if (have == want) {
        av_image_copy(dst, strides, (const uint8_t **)src->data, src->linesize, want, src->width, src->height);
    } else {
        dec->convert = sws_getCachedContext(dec->convert, src->width, src->height, have, src->width, src->height,
                                            want, SWS_POINT, NULL, NULL, NULL);
        if (dec->convert == NULL) {
            ah_set_error(dec->error, AH_ERR_CAP, "no conversion from %s", av_get_pix_fmt_name(have));
            return AH_EFAIL;
        }
        sws_scale(dec->convert, (const uint8_t *const *)src->data, src->linesize, 0, src->height, dst, strides);
    }
    av_frame_unref(dec->frame);
    dec->holding = 0;
    return AH_OK;
}

void ah_decoder_flush(ah_decoder *dec)
{
    if (dec == NULL)
        return;
    av_frame_unref(dec->frame);
    dec->holding = 0;
    avcodec_flush_buffers(dec->ctx);
}

int ah_decoder_last_error(ah_decoder *dec, char *buf, int cap)
{
    return ah_copy_error(dec != NULL ? dec->error : "no decoder", buf, cap);
}

void ah_decoder_close(ah_decoder *dec)
{
    if (dec == NULL)
        return;
    avcodec_free_context(&dec->ctx);
    av_packet_free(&dec->packet);
    av_frame_free(&dec->frame);
    av_frame_free(&dec->sw_frame);
    av_free(dec->input);
    sws_freeContext(dec->convert);
    av_free(dec);
}
