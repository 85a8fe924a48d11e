using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Appliance.Hwaccel.Bench;

/// <summary>Runs the ffmpeg CLI with -benchmark and reads its real time ("bench: utime=… rtime=1.234s").</summary>
public static partial class FfmpegCli
{
    /// <summary>Seconds ffmpeg spent transcoding (rtime), excluding process start-up.</summary>
    public static double Run(string arguments)
    {
        var start = new ProcessStartInfo("ffmpeg", $"-hide_banner -nostdin -loglevel info -benchmark {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using Process process = Process.Start(start) ?? throw new InvalidOperationException("cannot start ffmpeg");
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        string all = stdout + stderr.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg {arguments} failed: {all}");
        }
        Match match = RealTime().Match(all);
        if (!match.Success)
        {
            throw new InvalidOperationException($"no rtime in ffmpeg output: {all}");
        }
        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"rtime=([0-9.]+)s")]
    private static partial Regex RealTime();
}
