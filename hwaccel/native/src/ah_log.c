/* Routes FFmpeg's av_log output to the host's logger (one callback per complete line). */
#include <stdio.h>
#include <string.h>

#include <libavutil/log.h>

#include "ah_internal.h"

static ah_log_callback host_callback;

static void forward(void *avcl, int level, const char *fmt, va_list args)
{
    /* av_log may be called in fragments; keep a per-thread partial line until it ends with '\n'. */
    static _Thread_local char line[1024];
    static _Thread_local int print_prefix = 1;
    ah_log_callback callback = host_callback;
    if (callback == NULL || level > av_log_get_level())
        return;
    size_t used = strlen(line);
    av_log_format_line2(avcl, level, fmt, args, line + used, (int)(sizeof(line) - used), &print_prefix);
    used = strlen(line);
    if (used == 0 || (line[used - 1] != '\n' && used < sizeof(line) - 1))
        return;
    if (line[used - 1] == '\n')
        line[used - 1] = '\0';
    callback(level, line);
    line[0] = '\0';
}

void ah_log_set_callback(ah_log_callback callback, int max_level)
{
    host_callback = callback;
    if (callback == NULL) {
        av_log_set_callback(av_log_default_callback);
        return;
    }
    av_log_set_level(max_level);
    av_log_set_callback(forward);
}
