using System.Globalization;
using Appliance.LoadTool.Runs;

namespace Appliance.LoadBench;

/// <summary>The reports as a Markdown table, one row per scenario (the form BENCHMARKS.md keeps).</summary>
public static class ResultTable
{
    public static string Format(IEnumerable<LoadReport> reports)
    {
        var lines = new List<string>
        {
            "| scenario | fps median (worst rx) | fps p1 | skipped out / in | MCU latency p50 / p95 / p99 ms | join → 1st frame p50 / max ms | box CPU % | busiest thread % | box ms/frame | floor ms/frame | box / floor | RSS MB | GC 0/1/2 | GC pause ms | lost / rtx | 30 fps held |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        };
        foreach (LoadReport r in reports)
        {
            var m = r.Meeting;
            lines.Add(string.Join(" | ", [
                $"| {r.Scenario}",
                F(m.LowestMedianFramesPerSecond, "F1"),
                F(m.LowestFramesPerSecondP1, "F1"),
                $"{m.OutputFramesSkipped} / {m.InputFramesNotShown}",
                $"{F(m.LatencyMsP50, "F0")} / {F(m.LatencyMsP95, "F0")} / {F(m.LatencyMsP99, "F0")}",
                $"{F(m.JoinToFirstFrameMsP50, "F0")} / {F(m.JoinToFirstFrameMsMax, "F0")}",
                F(r.Box?.CpuPercentOfOneCore, "F0"),
                F(r.Box?.BusiestThreads.FirstOrDefault()?.PercentOfOneCore, "F0"),
                F(r.Box?.CpuMsPerOutputFrame, "F1"),
                F(r.Floor?.CpuMsPerOutputFrame, "F1"),
                F(r.OverheadRatio, "F2"),
                F(r.Box?.RssMegabytes, "F0"),
                $"{r.Box?.Gen0Collections}/{r.Box?.Gen1Collections}/{r.Box?.Gen2Collections}",
                F(r.Box?.GcPauseMs, "F1"),
                $"{m.PacketsLost} / {m.RetransmissionsReceived}",
                (r.HeldSteady ? "yes" : "no") + " |",
            ]));
        }
        return string.Join(Environment.NewLine, lines);
    }

    private static string F(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "–";
}
