using Prometheus;

namespace Appliance.Health;

/// <summary>
/// .NET runtime figures that prometheus-net's default collectors leave out, read when /metrics is scraped:
/// the total time garbage collections paused the process (the load bench reads it before and after its window).
/// </summary>
public static class RuntimeMetrics
{
    private static readonly Counter GcPause = Metrics.CreateCounter(
        "dotnet_gc_pause_seconds_total", "Total time the garbage collector paused the process since it started.");

    private static int _registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0)
            Metrics.DefaultRegistry.AddBeforeCollectCallback(() => GcPause.IncTo(GC.GetTotalPauseDuration().TotalSeconds));
    }
}
