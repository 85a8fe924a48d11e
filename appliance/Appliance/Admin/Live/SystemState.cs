using System.Globalization;
using System.Reflection;

namespace Appliance.Admin.Live;

/// <summary>
/// The box's state for the live view: CPU use (from /proc/stat, between two readings), the
/// hottest thermal zone (/sys/class/thermal; null where there is none: "not available"),
/// memory (/proc/meminfo), the service's uptime and version.
/// </summary>
public sealed class SystemState(TimeProvider time)
{
    public sealed record Snapshot(double? CpuPercent, double? TemperatureCelsius, long MemoryUsedBytes, long MemoryTotalBytes,
        long UptimeSeconds, string Version);

    public static readonly string Version =
        typeof(SystemState).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    private readonly long _started = time.GetTimestamp();
    private readonly Lock _gate = new();
    private (long Busy, long Total)? _lastCpu;

    public string ThermalRoot { get; init; } = "/sys/class/thermal";

    public Snapshot Read()
    {
        var (used, total) = Memory();
        return new Snapshot(Cpu(), Temperature(), used, total, (long)time.GetElapsedTime(_started).TotalSeconds, Version);
    }

    /// <summary>Busy share of all CPUs since the previous reading (first reading: since boot).</summary>
    private double? Cpu()
    {
        try
        {
            var first = File.ReadLines("/proc/stat").First();
            var fields = first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            var idle = fields[3] + (fields.Length > 4 ? fields[4] : 0); // idle + iowait
            var all = fields.Sum();
            var now = (Busy: all - idle, Total: all);
            lock (_gate)
            {
                var before = _lastCpu ?? (0, 0);
                _lastCpu = now;
                var span = now.Total - before.Total;
                return span <= 0 ? null : Math.Round(100.0 * (now.Busy - before.Busy) / span, 1);
            }
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException or InvalidOperationException)
        {
            return null;
        }
    }

    private double? Temperature()
    {
        if (!Directory.Exists(ThermalRoot))
            return null;
        double? hottest = null;
        foreach (var zone in Directory.EnumerateDirectories(ThermalRoot, "thermal_zone*"))
        {
            try
            {
                if (long.TryParse(File.ReadAllText(Path.Combine(zone, "temp")).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var milli)
                    && milli > 0)
                    hottest = Math.Max(hottest ?? double.MinValue, milli / 1000.0);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A zone whose sensor cannot be read (some report EINVAL) is left out.
            }
        }
        return hottest;
    }

    private static (long Used, long Total) Memory()
    {
        try
        {
            long total = 0, available = 0;
            foreach (var line in File.ReadLines("/proc/meminfo"))
            {
                if (line.StartsWith("MemTotal:", StringComparison.Ordinal))
                    total = Kib(line);
                else if (line.StartsWith("MemAvailable:", StringComparison.Ordinal))
                    available = Kib(line);
            }
            return (total - available, total);
        }
        catch (IOException)
        {
            return (0, 0);
        }

        static long Kib(string line) =>
            1024 * long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
