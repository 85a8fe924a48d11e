using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Appliance.LoadTool.Runs;

/// <summary>
/// Reads <see cref="BoxSample"/>s: CPU time and RSS from /proc/&lt;pid&gt;/stat and /proc/&lt;pid&gt;/status when the box
/// runs on this machine (else from its /metrics), collections and GC pause from /metrics (prometheus-net's
/// dotnet_collection_count_total and the box's dotnet_gc_pause_seconds_total), ticks from /healthz (media-clock).
/// </summary>
public sealed class BoxProbe(HttpClient box, int? processId)
{
    // USER_HZ: the unit of utime and stime in /proc/<pid>/stat (proc(5)); 100 on every Linux the box runs on.
    private const double ClockTicksPerSecond = 100;

    public int? ProcessId => processId;

    public async Task<BoxSample> SampleAsync(CancellationToken cancellationToken)
    {
        long at = Stopwatch.GetTimestamp();
        var metrics = await ReadMetricsAsync(cancellationToken);
        var (ticks, skipped) = await ReadClockAsync(cancellationToken);
        double? cpu = null;
        long? rss = null;
        if (processId is { } pid && File.Exists($"/proc/{pid}/stat"))
        {
            cpu = ReadCpuSeconds(pid);
            rss = ReadRssBytes(pid);
        }
        cpu ??= Metric(metrics, "process_cpu_seconds_total");
        rss ??= (long?)Metric(metrics, "process_working_set_bytes");
        var threads = processId is { } id ? ReadThreads(id) : new Dictionary<int, (string, double)>();
        return new BoxSample(at, cpu, rss,
            (long?)Metric(metrics, "dotnet_collection_count_total{generation=\"0\"}"),
            (long?)Metric(metrics, "dotnet_collection_count_total{generation=\"1\"}"),
            (long?)Metric(metrics, "dotnet_collection_count_total{generation=\"2\"}"),
            Metric(metrics, "dotnet_gc_pause_seconds_total"),
            ticks, skipped) { Threads = threads };
    }

    /// <summary>Every thread's name and CPU time (/proc/&lt;pid&gt;/task/&lt;tid&gt;/stat): which thread the work piles up on.</summary>
    public static Dictionary<int, (string Name, double CpuSeconds)> ReadThreads(int pid)
    {
        var threads = new Dictionary<int, (string, double)>();
        try
        {
            foreach (string task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                try
                {
                    string stat = File.ReadAllText(Path.Combine(task, "stat"));
                    int open = stat.IndexOf('('), close = stat.LastIndexOf(')');
                    string[] fields = stat[(close + 2)..].Split(' ');
                    double cpu = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
                    threads[int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture)] = (stat[(open + 1)..close], cpu);
                }
                catch (IOException)
                {
                    // the thread ended between listing and reading
                }
            }
        }
        catch (IOException)
        {
        }
        return threads;
    }

    /// <summary>utime + stime (fields 14 and 15 of /proc/&lt;pid&gt;/stat, after the parenthesised command name).</summary>
    public static double? ReadCpuSeconds(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name may hold spaces: the fields start after its closing parenthesis.
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state): utime is field 14, stime field 15.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static long? ReadRssBytes(int pid)
    {
        try
        {
            foreach (string line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
            }
        }
        catch (IOException)
        {
        }
        return null;
    }

    private async Task<Dictionary<string, double>> ReadMetricsAsync(CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        try
        {
            string text = await box.GetStringAsync("/metrics", cancellationToken);
            foreach (string line in text.Split('\n'))
            {
                if (line.Length == 0 || line[0] == '#')
                    continue;
                int space = line.LastIndexOf(' ');
                if (space > 0 && double.TryParse(line[(space + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                    values[line[..space]] = value;
            }
        }
        catch (HttpRequestException)
        {
        }
        return values;
    }

    private async Task<(long? Ticks, long? Skipped)> ReadClockAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await box.GetAsync("/healthz", cancellationToken);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (document.RootElement.TryGetProperty("subsystems", out var subsystems)
                && subsystems.TryGetProperty("media-clock", out var clock)
                && clock.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Object)
            {
                long? Read(string name) => details.TryGetProperty(name, out var v) && long.TryParse(v.GetString(), CultureInfo.InvariantCulture, out long n) ? n : null;
                return (Read("ticks"), Read("skippedTicks"));
            }
        }
        catch (Exception e) when (e is HttpRequestException or JsonException)
        {
        }
        return (null, null);
    }

    private static double? Metric(Dictionary<string, double> metrics, string name) => metrics.TryGetValue(name, out double value) ? value : null;
}
