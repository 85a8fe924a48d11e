using System.Diagnostics;

namespace Appliance.Hwaccel.Bench;

/// <summary>
/// Wall time and CPU time (user + system) of one run. On a shared, loaded machine CPU time is the fair
/// comparison (wall time includes waiting for a core); both are printed.
/// </summary>
public readonly record struct Timing(double WallSeconds, double CpuSeconds)
{
    public static Timing Best(IEnumerable<Timing> runs)
    {
        var all = runs.ToList();
        return new Timing(all.Min(t => t.WallSeconds), all.Min(t => t.CpuSeconds));
    }

    /// <summary>Times an action in this process.</summary>
    public static Timing Measure(Action action)
    {
        using Process self = Process.GetCurrentProcess();
        TimeSpan cpuBefore = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        double wall = clock.Elapsed.TotalSeconds;
        self.Refresh();
        return new Timing(wall, (self.TotalProcessorTime - cpuBefore).TotalSeconds);
    }
}
