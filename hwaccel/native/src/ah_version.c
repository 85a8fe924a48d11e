/* Version information and discovery: which codecs and device types this FFmpeg has. */
#include <stdio.h>

#include <libavutil/avutil.h>
#include <libavutil/hwcontext.h>
#include <libswscale/swscale.h>

#include "ah_internal.h"

int ah_abi_version(void) { return AH_ABI_VERSION; }

static void split_version(unsigned v, unsigned parts[3])
{
    parts[0] = v >> 16;
    parts[1] = (v >> 8) & 0xff;
    parts[2] = v & 0xff;
}

int ah_version_string(char *buf, int cap)
{
    if (buf == NULL || cap <= 0)
        return AH_EINVAL;
    unsigned c[3], u[3], s[3];
    split_version(avcodec_version(), c);
    split_version(avutil_version(), u);
    split_version(swscale_version(), s);
    snprintf(buf, (size_t)cap, "libavcodec %u.%u.%u, libavutil %u.%u.%u, libswscale %u.%u.%u (built against libavcodec %s)",
             c[0], c[1], c[2], u[0], u[1], u[2], s[0], s[1], s[2], AV_STRINGIFY(LIBAVCODEC_VERSION));
    return AH_OK;
}

int ah_codec_exists(const char *name, int is_encoder)
{
    if (ah_is_empty(name))
        return 0;
    ah_codec_t *codec = is_encoder ? avcodec_find_encoder_by_name(name) : avcodec_find_decoder_by_name(name);
    return codec != NULL;
}

int ah_hwdevice_create(AVBufferRef **out, const char *type, const char *device, char *err, int err_cap)
{
    enum AVHWDeviceType t = av_hwdevice_find_type_by_name(type);
    if (t == AV_HWDEVICE_TYPE_NONE) {
        ah_set_error(err, err_cap, "hardware device type '%s' unknown to this FFmpeg", type);
        return AVERROR(ENOSYS);
    }
    int ret = av_hwdevice_ctx_create(out, t, ah_is_empty(device) ? NULL : device, NULL, 0);
    if (ret < 0)
        ah_set_av_error(err, err_cap, "av_hwdevice_ctx_create", ret);
    return ret;
}

int ah_hwdevice_probe(const char *type, const char *device, char *err, int err_cap)
{
    if (ah_is_empty(type)) {
        ah_set_error(err, err_cap, "no device type");
        return AH_EINVAL;
    }
    AVBufferRef *ctx = NULL;
    int ret = ah_hwdevice_create(&ctx, type, device, err, err_cap);
    av_buffer_unref(&ctx);
    if (ret == AVERROR(ENOSYS))
        return AH_ENOTFOUND;
    return ret < 0 ? AH_EFAIL : AH_OK;
}
