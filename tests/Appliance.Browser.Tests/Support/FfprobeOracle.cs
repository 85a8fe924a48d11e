using System.Diagnostics;

namespace Appliance.Browser.Tests.Support;

/// <summary>FFmpeg's ffprobe (Debian package ffmpeg) as an independent reader of the fake media files.</summary>
public static class FfprobeOracle
{
    /// <summary>The named fields of the file's first stream, as ffprobe reads them (e.g. "width" → "640").</summary>
    public static async Task<IReadOnlyDictionary<string, string>> FirstStreamAsync(string path, params string[] fields)
    {
        var start = new ProcessStartInfo("ffprobe")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-v", "error", "-count_frames", "-select_streams", "0",
                     "-show_entries", "stream=" + string.Join(',', fields), "-of", "default=noprint_wrappers=1", path })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("ffprobe did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ffprobe failed on {path}: {await errors}");
        return (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2)
            .ToDictionary(pair => pair[0], pair => pair[1].Trim());
    }
}
