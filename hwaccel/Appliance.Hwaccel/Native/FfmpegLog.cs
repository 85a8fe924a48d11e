using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Appliance.Hwaccel.Native;

/// <summary>
/// Sends FFmpeg's own log lines (av_log: "[h264 @ 0x…] concealing 273 DC … errors") to an ILogger
/// instead of stderr. Process-wide, since av_log is.
/// </summary>
public static unsafe partial class FfmpegLog
{
    // av_log levels (libavutil/log.h).
    private const int AvLogError = 16;
    private const int AvLogWarning = 24;
    private const int AvLogInfo = 32;
    private const int AvLogDebug = 48;

    private static ILogger? s_logger;

    /// <summary>Routes FFmpeg's lines at <paramref name="minimum"/> and above to category "FFmpeg".</summary>
    public static void RouteTo(ILoggerFactory loggers, LogLevel minimum = LogLevel.Warning)
    {
        s_logger = loggers.CreateLogger("FFmpeg");
        int maxLevel = minimum switch
        {
            <= LogLevel.Debug => AvLogDebug,
            LogLevel.Information => AvLogInfo,
            LogLevel.Warning => AvLogWarning,
            _ => AvLogError,
        };
        NativeMethods.ah_log_set_callback(&OnLine, maxLevel);
    }

    /// <summary>Back to FFmpeg's default: stderr.</summary>
    public static void Reset()
    {
        NativeMethods.ah_log_set_callback(null, AvLogInfo);
        s_logger = null;
    }

    [UnmanagedCallersOnly]
    private static void OnLine(int level, byte* line)
    {
        ILogger? logger = s_logger;
        if (logger is null)
        {
            return;
        }
        string text = Marshal.PtrToStringUTF8((IntPtr)line) ?? "";
        LogLevel mapped = level switch
        {
            <= AvLogError => LogLevel.Error,
            <= AvLogWarning => LogLevel.Warning,
            <= AvLogInfo => LogLevel.Information,
            _ => LogLevel.Debug,
        };
        LogLine(logger, mapped, text.TrimEnd());
    }

    [LoggerMessage(Message = "{Line}")]
    private static partial void LogLine(ILogger logger, LogLevel level, string line);
}
