namespace Appliance.LoadBench;

/// <summary>The machine the figures come from: cores, CPU model, load average before and after (others' work shows there).</summary>
public sealed record MachineInfo(int Cores, string Cpu, string LoadAverageAtStart, DateTimeOffset Started)
{
    public string? LoadAverageAtEnd { get; init; }

    public static MachineInfo Read()
    {
        string cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
            : "?";
        return new MachineInfo(Environment.ProcessorCount, cpu, LoadAverage(), DateTimeOffset.UtcNow);
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
