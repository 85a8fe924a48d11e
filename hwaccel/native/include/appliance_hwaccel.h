/*
 * appliance_hwaccel: a tiny, stable C ABI over libavcodec and libswscale.
 *
 * The .NET side (Appliance.Hwaccel) calls only these functions. Every object
 * is an opaque handle; every argument is a plain int, a pointer to bytes or a
 * NUL-terminated string. No FFmpeg structure crosses this boundary, so the
 * same C# code runs against FFmpeg 4.4, 5.1, 6.x and 7.x: only this library
 * is rebuilt against the machine's own headers.
 *
 * Return codes: 0 (AH_OK) on success, one of the negative AH_E* codes below
 * on failure. A handle's last error text is available from *_last_error.
 */
#ifndef APPLIANCE_HWACCEL_H
#define APPLIANCE_HWACCEL_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define AH_API __attribute__((visibility("default")))

/* Bumped whenever a signature below changes; the C# side checks it. */
#define AH_ABI_VERSION 1

enum ah_result {
    AH_OK = 0,
    AH_EAGAIN = -1,         /* no output yet (receive) / output must be drained first (send) */
    AH_EOF = -2,            /* fully drained */
    AH_ENOSPC = -3,         /* caller buffer too small; *len holds the size needed */
    AH_EINVAL = -4,         /* bad argument */
    AH_ENOTFOUND = -5,      /* codec or hardware device type unknown to this FFmpeg */
    AH_EINVALIDDATA = -6,   /* corrupt bitstream (decoder) */
    AH_ENEEDS_REOPEN = -7,  /* the change needs the codec to be reopened */
    AH_ENOMEM = -8,
    AH_EFAIL = -9           /* any other FFmpeg error; see *_last_error */
};

/* Raw picture layouts: planar 4:2:0 (three planes) and semi-planar 4:2:0 (Y + interleaved UV). */
enum ah_pixel_format { AH_PIX_I420 = 0, AH_PIX_NV12 = 1 };

typedef struct ah_encoder ah_encoder;
typedef struct ah_decoder ah_decoder;
typedef struct ah_scaler ah_scaler;

/* ---- version and discovery ---- */
AH_API int ah_abi_version(void);
/* "libavcodec 59.37.100, libavutil 57.28.100, libswscale 6.7.100" (runtime versions). */
AH_API int ah_version_string(char *buf, int cap);
/* 1 when FFmpeg knows an encoder (is_encoder=1) or decoder (0) of this name. */
AH_API int ah_codec_exists(const char *name, int is_encoder);
/* Checks that every "key=value" of options names an AVOption of that codec (private or generic)
 * and that its value parses and is in range, without opening the codec: hardware recipes can be
 * checked on machines without the hardware. AH_OK, AH_ENOTFOUND, or AH_EINVAL with err set. */
AH_API int ah_codec_check_options(const char *name, int is_encoder, const char *options, char *err, int err_cap);
/* Tries av_hwdevice_ctx_create("vaapi", "/dev/dri/renderD128"...). 0 when it opens. */
AH_API int ah_hwdevice_probe(const char *type, const char *device, char *err, int err_cap);

/* ---- logging ----
 * FFmpeg's log lines (av_log) go to callback(level, line) instead of stderr; level uses FFmpeg's
 * scale (16 error, 24 warning, 32 info, 48 debug). Lines above max_level are dropped before
 * formatting. callback may run on any thread. Pass NULL to restore FFmpeg's default (stderr). */
typedef void (*ah_log_callback)(int level, const char *line);
AH_API void ah_log_set_callback(ah_log_callback callback, int max_level);

/* ---- encoder ----
 * options: "key=value;key=value", applied as AVOptions (codec private options first,
 *          then AVCodecContext options), e.g. "preset=ultrafast;tune=zerolatency;threads=1".
 * hw_type/hw_device: "" or NULL for none; "vaapi" + "/dev/dri/renderD128" makes the
 *          encoder take hardware frames (uploaded inside ah_encoder_send_frame).
 * Timestamps are the caller's (90 kHz RTP clock); the time base is 1/90000. */
AH_API int ah_encoder_open(const char *codec_name, int width, int height, int fps_num, int fps_den,
                           int bitrate, int gop, int pixel_format, const char *options,
                           const char *hw_type, const char *hw_device,
                           ah_encoder **out, char *err, int err_cap);
AH_API int ah_encoder_send_frame(ah_encoder *enc,
                                 const uint8_t *p0, int s0, const uint8_t *p1, int s1,
                                 const uint8_t *p2, int s2, int64_t pts, int force_keyframe);
AH_API int ah_encoder_receive_packet(ah_encoder *enc, uint8_t *out, int cap, int *len,
                                     int64_t *pts, int *is_keyframe);
/* AH_OK when applied on the fly, AH_ENEEDS_REOPEN when the codec cannot change it live. */
AH_API int ah_encoder_set_bitrate(ah_encoder *enc, int bitrate);
AH_API int ah_encoder_set_framerate(ah_encoder *enc, int fps_num, int fps_den);
AH_API int ah_encoder_last_error(ah_encoder *enc, char *buf, int cap);
AH_API void ah_encoder_close(ah_encoder *enc);

/* ---- decoder ---- */
AH_API int ah_decoder_open(const char *codec_name, const char *options,
                           const char *hw_type, const char *hw_device,
                           ah_decoder **out, char *err, int err_cap);
/* data need not be padded: the shim copies into its own padded buffer. */
AH_API int ah_decoder_send_packet(ah_decoder *dec, const uint8_t *data, int len, int64_t pts);
/* Flags reported with a decoded picture. */
enum ah_frame_flags { AH_FRAME_KEY = 1, AH_FRAME_CORRUPT = 2 };
/* Holds the next decoded picture inside the decoder and reports its size and AH_FRAME_* flags. */
AH_API int ah_decoder_receive_frame(ah_decoder *dec, int *width, int *height, int64_t *pts, int *flags);
/* Copies (converting when needed) the held picture into caller planes, then releases it. */
AH_API int ah_decoder_copy_frame(ah_decoder *dec, uint8_t *p0, int s0, uint8_t *p1, int s1,
                                 uint8_t *p2, int s2, int pixel_format);
AH_API void ah_decoder_flush(ah_decoder *dec);
AH_API int ah_decoder_last_error(ah_decoder *dec, char *buf, int cap);
AH_API void ah_decoder_close(ah_decoder *dec);

/* ---- scaler (libswscale) ----
 * Scales src (sw x sh) into dst (dw x dh). To scale into a rectangle of a canvas,
 * pass plane pointers already offset to the rectangle's top-left corner. */
AH_API ah_scaler *ah_scaler_create(void);
AH_API int ah_scaler_scale(ah_scaler *sc,
                           const uint8_t *sp0, int ss0, const uint8_t *sp1, int ss1,
                           const uint8_t *sp2, int ss2, int sw, int sh, int sfmt,
                           uint8_t *dp0, int ds0, uint8_t *dp1, int ds1,
                           uint8_t *dp2, int ds2, int dw, int dh, int dfmt);
AH_API void ah_scaler_free(ah_scaler *sc);

#ifdef __cplusplus
}
#endif
#endif
