/*
 * Encoder: one AVCodecContext, one reusable input frame (software or hardware),
 * one reusable packet. Nothing is allocated per frame in steady state except what
 * FFmpeg itself does inside the codec.
 */
#include <string.h>

#include <libavutil/hwcontext.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>

#include "ah_internal.h"

struct ah_encoder {
    AVCodecContext *ctx;
    AVFrame *frame;        /* software frame in the codec's software pixel format */
    AVFrame *hw_frame;     /* hardware frame (vaapi), uploaded from frame; NULL otherwise */
    AVPacket *packet;      /* the packet being handed out; kept when the caller's buffer is too small */
    int packet_pending;
    enum AVPixelFormat input_fmt; /* what the caller sends */
    struct SwsContext *convert;   /* when the codec wants another software layout */
    int live_bitrate;      /* the codec re-reads bit_rate on the next frame */
    char error[AH_ERR_CAP];
};

/* Which wrappers re-read AVCodecContext.bit_rate between frames.
 * libx264.c reconfig_encoder() compares bit_rate with the x264 parameters before each frame
 * (and rc_max_rate / rc_buffer_size against the VBV) and calls x264_encoder_reconfig; nvenc.c
 * reconfig_encoder() does the same when the driver reports dynamic bitrate support.
 * libvpxenc (checked on 5.1: the output rate does not move) and v4l2m2m do not. */
static int codec_has_live_bitrate(const char *name)
{
    return strcmp(name, "libx264") == 0 || strcmp(name, "h264_nvenc") == 0;
}

static int setup_hw_frames(ah_encoder *enc, AVBufferRef *device, enum AVPixelFormat sw_fmt, char *err, int cap)
{
    AVBufferRef *frames_ref = av_hwframe_ctx_alloc(device);
    if (frames_ref == NULL) {
        ah_set_error(err, cap, "av_hwframe_ctx_alloc failed");
        return AVERROR(ENOMEM);
    }
    AVHWFramesContext *frames = (AVHWFramesContext *)frames_ref->data;
    frames->format = ((AVHWDeviceContext *)device->data)->type == AV_HWDEVICE_TYPE_VAAPI ? AV_PIX_FMT_VAAPI
                                                                                         : AV_PIX_FMT_CUDA;
    frames->sw_format = sw_fmt;
    frames->width = enc->ctx->width;
    frames->height = enc->ctx->height;
    frames->initial_pool_size = 4;
    int ret = av_hwframe_ctx_init(frames_ref);
    if (ret < 0) {
        ah_set_av_error(err, cap, "av_hwframe_ctx_init", ret);
        av_buffer_unref(&frames_ref);
        return ret;
    }
    enc->ctx->pix_fmt = frames->format;
    enc->ctx->hw_frames_ctx = frames_ref;
    enc->hw_frame = av_frame_alloc();
    return enc->hw_frame != NULL ? 0 : AVERROR(ENOMEM);
}

static int configure(ah_encoder *enc, ah_codec_t *codec, int width, int height, int fps_num, int fps_den,
                     int bitrate, int gop, const char *hw_type, const char *hw_device, char *err, int cap)
{
    AVCodecContext *ctx = enc->ctx;
    ctx->width = width;
    ctx->height = height;
    ctx->time_base = (AVRational){ 1, 90000 }; /* RTP video clock */
    ctx->framerate = (AVRational){ fps_num, fps_den };
    ctx->bit_rate = bitrate;
    ctx->gop_size = gop;
    ctx->max_b_frames = 0;

    enum AVPixelFormat sw_fmt = enc->input_fmt;
    if (!ah_codec_supports_pix_fmt(ctx, codec, sw_fmt)) {
        enum AVPixelFormat other = sw_fmt == AV_PIX_FMT_NV12 ? AV_PIX_FMT_YUV420P : AV_PIX_FMT_NV12;
        sw_fmt = ah_codec_supports_pix_fmt(ctx, codec, other) ? other : ah_codec_first_pix_fmt(ctx, codec);
    }
    ctx->pix_fmt = sw_fmt;

    if (!ah_is_empty(hw_type)) {
        AVBufferRef *device = NULL;
        int ret = ah_hwdevice_create(&device, hw_type, hw_device, err, cap);
        if (ret < 0)
            return ret;
        /* Encoders that take hardware surfaces (vaapi) get a frames pool; the software frame
         * is then NV12, the layout those surfaces hold. Others just receive the device. */
        if (!ah_codec_supports_pix_fmt(ctx, codec, AV_PIX_FMT_YUV420P) && !ah_codec_supports_pix_fmt(ctx, codec, AV_PIX_FMT_NV12)) {
            sw_fmt = AV_PIX_FMT_NV12;
            ret = setup_hw_frames(enc, device, sw_fmt, err, cap);
        } else {
            ctx->hw_device_ctx = av_buffer_ref(device);
        }
        av_buffer_unref(&device);
        if (ret < 0)
            return ret;
    }

    enc->frame->format = sw_fmt;
    enc->frame->width = width;
    enc->frame->height = height;
    int ret = av_frame_get_buffer(enc->frame, 0);
    if (ret < 0) {
        ah_set_av_error(err, cap, "av_frame_get_buffer", ret);
        return ret;
    }
    if (sw_fmt != enc->input_fmt) {
        enc->convert = sws_getContext(width, height, enc->input_fmt, width, height, sw_fmt, SWS_POINT, NULL, NULL, NULL);
        if (enc->convert == NULL) {
            ah_set_error(err, cap, "no conversion to the encoder's pixel format %s", av_get_pix_fmt_name(sw_fmt));
            return AVERROR(EINVAL);
        }
    }
    return 0;
}

int ah_encoder_open(const char *codec_name, int width, int height, int fps_num, int fps_den,
                    int bitrate, int gop, int pixel_format, const char *options,
                    const char *hw_type, const char *hw_device,
                    ah_encoder **out, char *err, int err_cap)
{
    if (out == NULL || ah_is_empty(codec_name) || width <= 0 || height <= 0 || (width & 1) || (height & 1) ||
        fps_num <= 0 || fps_den <= 0 || bitrate <= 0 || ah_to_av_pix_fmt(pixel_format) == AV_PIX_FMT_NONE) {
        ah_set_error(err, err_cap, "invalid encoder arguments");
        return AH_EINVAL;
    }
    *out = NULL;
    ah_codec_t *codec = avcodec_find_encoder_by_name(codec_name);
    if (codec == NULL) {
        ah_set_error(err, err_cap, "encoder '%s' not in this FFmpeg build", codec_name);
        return AH_ENOTFOUND;
    }
    ah_encoder *enc = av_mallocz(sizeof(*enc));
    if (enc == NULL)
        return AH_ENOMEM;
    enc->input_fmt = ah_to_av_pix_fmt(pixel_format);
    enc->live_bitrate = codec_has_live_bitrate(codec_name);
    enc->ctx = avcodec_alloc_context3(codec);
    enc->frame = av_frame_alloc();
    enc->packet = av_packet_alloc();
    AVDictionary *dict = NULL;
    int ret = AVERROR(ENOMEM);
    if (enc->ctx == NULL || enc->frame == NULL || enc->packet == NULL)
        goto fail;
    ret = configure(enc, codec, width, height, fps_num, fps_den, bitrate, gop, hw_type, hw_device, err, err_cap);
    if (ret < 0)
        goto fail;
    ret = ah_parse_options(&dict, options);
    if (ret < 0) {
        ah_set_av_error(err, err_cap, "options", ret);
        goto fail;
    }
    ret = avcodec_open2(enc->ctx, codec, &dict);
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
    *out = enc;
    return AH_OK;
fail:
    av_dict_free(&dict);
    ah_encoder_close(enc);
    return ret == AVERROR(ENOMEM) ? AH_ENOMEM : AH_EFAIL;
}

static int fill_frame(ah_encoder *enc, const uint8_t *p0, int s0, const uint8_t *p1, int s1,
                      const uint8_t *p2, int s2)
{
    /* The codec may still hold a reference to last frame's buffer; get a private one then. */
    int ret = av_frame_make_writable(enc->frame);
    if (ret < 0)
        return ret;
    AVFrame *f = enc->frame;
    if (enc->convert != NULL) {
        const uint8_t *src[4] = { p0, p1, p2, NULL };
        const int strides[4] = { s0, s1, s2, 0 };
        sws_scale(enc->convert, src, strides, 0, f->height, f->data, f->linesize);
        return 0;
    }
    const uint8_t *src[4] = { p0, p1, enc->input_fmt == AV_PIX_FMT_NV12 ? NULL : p2, NULL };
    const int strides[4] = { s0, s1, enc->input_fmt == AV_PIX_FMT_NV12 ? 0 : s2, 0 };
    av_image_copy(f->data, f->linesize, src, strides, enc->input_fmt, f->width, f->height);
    return 0;
}

int ah_encoder_send_frame(ah_encoder *enc, const uint8_t *p0, int s0, const uint8_t *p1, int s1,
                          const uint8_t *p2, int s2, int64_t pts, int force_keyframe)
{
    if (enc == NULL || p0 == NULL || p1 == NULL || (enc->input_fmt == AV_PIX_FMT_YUV420P && p2 == NULL))
        return AH_EINVAL;
    int ret = fill_frame(enc, p0, s0, p1, s1, p2, s2);
    if (ret < 0) {
        ah_set_av_error(enc->error, AH_ERR_CAP, "frame buffer", ret);
        return AH_EFAIL;
    }
    AVFrame *send = enc->frame;
    if (enc->hw_frame != NULL) {
        av_frame_unref(enc->hw_frame);
        ret = av_hwframe_get_buffer(enc->ctx->hw_frames_ctx, enc->hw_frame, 0);
        if (ret >= 0)
            ret = av_hwframe_transfer_data(enc->hw_frame, enc->frame, 0);
        if (ret < 0) {
            ah_set_av_error(enc->error, AH_ERR_CAP, "hardware frame upload", ret);
            return AH_EFAIL;
        }
        send = enc->hw_frame;
    }
    send->pts = pts;
    AH_FRAME_SET_KEY(send, force_keyframe);
    ret = avcodec_send_frame(enc->ctx, send);
    if (ret == AVERROR(EAGAIN))
        return AH_EAGAIN;
    if (ret < 0) {
        ah_set_av_error(enc->error, AH_ERR_CAP, "avcodec_send_frame", ret);
        return AH_EFAIL;
    }
    return AH_OK;
}

int ah_encoder_receive_packet(ah_encoder *enc, uint8_t *out, int cap, int *len, int64_t *pts, int *is_keyframe)
{
    if (enc == NULL || len == NULL || pts == NULL || is_keyframe == NULL)
        return AH_EINVAL;
    if (!enc->packet_pending) {
        int ret = avcodec_receive_packet(enc->ctx, enc->packet);
        if (ret == AVERROR(EAGAIN))
            return AH_EAGAIN;
        if (ret == AVERROR_EOF)
            return AH_EOF;
        if (ret < 0) {
            ah_set_av_error(enc->error, AH_ERR_CAP, "avcodec_receive_packet", ret);
            return AH_EFAIL;
        }
        enc->packet_pending = 1;
    }
    AVPacket *p = enc->packet;
    *len = p->size;
    *pts = p->pts;
    *is_keyframe = (p->flags & AV_PKT_FLAG_KEY) != 0;
    if (out == NULL || cap < p->size)
        return AH_ENOSPC; /* kept: the caller retries with a bigger buffer */
    memcpy(out, p->data, (size_t)p->size);
    av_packet_unref(p);
    enc->packet_pending = 0;
    return AH_OK;
}

int ah_encoder_set_bitrate(ah_encoder *enc, int bitrate)
{
    if (enc == NULL || bitrate <= 0)
        return AH_EINVAL;
    if (!enc->live_bitrate)
        return AH_ENEEDS_REOPEN;
    /* The VBV keeps its length in time (one second at the new rate), or a lower rate would
     * inherit a buffer several seconds long and burst. */
    enc->ctx->bit_rate = bitrate;
    if (enc->ctx->rc_max_rate > 0)
        enc->ctx->rc_max_rate = bitrate;
    if (enc->ctx->rc_buffer_size > 0)
        enc->ctx->rc_buffer_size = bitrate;
    return AH_OK;
}

int ah_encoder_set_framerate(ah_encoder *enc, int fps_num, int fps_den)
{
    if (enc == NULL || fps_num <= 0 || fps_den <= 0)
        return AH_EINVAL;
    /* No FFmpeg wrapper re-reads the frame rate after avcodec_open2. */
    return AH_ENEEDS_REOPEN;
}

int ah_encoder_last_error(ah_encoder *enc, char *buf, int cap)
{
    return ah_copy_error(enc != NULL ? enc->error : "no encoder", buf, cap);
}

void ah_encoder_close(ah_encoder *enc)
{
    if (enc == NULL)
        return;
    avcodec_free_context(&enc->ctx); /* closes the codec too; avcodec_close is deprecated in 7.x */
    av_frame_free(&enc->frame);
    av_frame_free(&enc->hw_frame);
    av_packet_free(&enc->packet);
    sws_freeContext(enc->convert);
    av_free(enc);
}
