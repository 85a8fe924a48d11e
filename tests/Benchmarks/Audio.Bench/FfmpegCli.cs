using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Appliance.Hwaccel.Audio.Bench;

/// <summary>Runs the ffmpeg CLI with <c>-benchmark</c> and reads its transcoding time ("bench: ... rtime=0.123s").</summary>
public static partial class FfmpegCli
{
    /// <summary>Seconds ffmpeg spent transcoding (rtime), which excludes process start-up.</summary>
    public static double Run(string arguments)
    {
        var start = new ProcessStartInfo("ffmpeg", $"-hide_banner -nostdin -y -threads 1 -benchmark {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start ffmpeg");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var output = stdout + stderr.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffmpeg {arguments} failed: {output}");
        }

        var match = RealTime().Match(output);
        return match.Success
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException($"no rtime in ffmpeg output: {output}");
    }

    [GeneratedRegex(@"rtime=([0-9.]+)s")]
    private static partial Regex RealTime();
}
