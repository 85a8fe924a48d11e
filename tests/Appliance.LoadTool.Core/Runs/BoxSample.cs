namespace Appliance.LoadTool.Runs;

/// <summary>
/// The box's own figures at one moment: process CPU time and resident memory, .NET garbage collections and their
/// total pause, and its media clock's ticks (composed output frames) and skipped ticks. Null where the box or the
/// machine does not tell.
/// </summary>
public sealed record BoxSample(
    long At,
    double? CpuSeconds,
    long? RssBytes,
    long? Gen0Collections,
    long? Gen1Collections,
    long? Gen2Collections,
    double? GcPauseSeconds,
    long? Ticks,
    long? SkippedTicks)
{
    /// <summary>CPU seconds of each of the box's threads by thread id, with the thread's name (/proc/&lt;pid&gt;/task).</summary>
    public IReadOnlyDictionary<int, (string Name, double CpuSeconds)> Threads { get; init; } = new Dictionary<int, (string, double)>();
}
