/* AVOption strings: "key=value;key=value", parsed once and checked against a codec. */
#include <stdio.h>

#include <libavutil/dict.h>
#include <libavutil/opt.h>

#include "ah_internal.h"

int ah_parse_options(AVDictionary **dict, const char *options)
{
    if (ah_is_empty(options))
        return 0;
    /* The value runs to the next ';', so it may itself hold '=' and ':'
     * (x264-params=repeat-headers=1:...). */
    return av_dict_parse_string(dict, options, "=", ";", 0);
}

int ah_codec_check_options(const char *name, int is_encoder, const char *options, char *err, int err_cap)
{
    if (ah_is_empty(name)) {
        ah_set_error(err, err_cap, "no codec name");
        return AH_EINVAL;
    }
    ah_codec_t *codec = is_encoder ? avcodec_find_encoder_by_name(name) : avcodec_find_decoder_by_name(name);
    if (codec == NULL) {
        ah_set_error(err, err_cap, "'%s' not in this FFmpeg build", name);
        return AH_ENOTFOUND;
    }
    /* A context without opening: private options get their defaults, no device is touched. */
    AVCodecContext *ctx = avcodec_alloc_context3(codec);
    AVDictionary *dict = NULL;
    int result = AH_OK;
    if (ctx == NULL)
        return AH_ENOMEM;
    int ret = ah_parse_options(&dict, options);
    if (ret < 0) {
        ah_set_av_error(err, err_cap, "options", ret);
        result = AH_EINVAL;
    }
    const AVDictionaryEntry *entry = NULL;
    while (result == AH_OK && (entry = av_dict_get(dict, "", entry, AV_DICT_IGNORE_SUFFIX)) != NULL) {
        ret = av_opt_set(ctx, entry->key, entry->value, AV_OPT_SEARCH_CHILDREN);
        if (ret < 0) {
            char what[128];
            snprintf(what, sizeof(what), "%s: %s=%s", name, entry->key, entry->value);
            ah_set_av_error(err, err_cap, what, ret);
            result = AH_EINVAL;
        }
    }
    av_dict_free(&dict);
    avcodec_free_context(&ctx);
    return result;
}
