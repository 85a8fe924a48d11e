using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Appliance.Hwaccel.Bench;

/// <summary>Runs the ffmpeg CLI with -benchmark and reads "bench: utime=…s stime=…s rtime=…s".</summary>
public static partial class FfmpegCli
{
    /// <summary>ffmpeg's own -benchmark figures: real time (rtime) and user + system CPU time (utime + stime).</summary>
    public static Timing Run(string arguments)
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
        Match match = BenchLine().Match(all);
        if (!match.Success)
        {
            throw new InvalidOperationException($"no bench: line in ffmpeg output: {all}");
        }
        double Seconds(int group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return new Timing(Seconds(3), Seconds(1) + Seconds(2));
    }

    [GeneratedRegex(@"bench: utime=([0-9.]+)s stime=([0-9.]+)s rtime=([0-9.]+)s")]
    private static partial Regex BenchLine();
}
