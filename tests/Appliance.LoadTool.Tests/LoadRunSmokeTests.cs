using Appliance.LoadTool.Runs;
using Appliance.LoadTool.Signaling;
using Appliance.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Appliance.LoadTool.Tests;

/// <summary>
/// The load tool's short run against the real box in-process: two synthetic participants over loopback UDP for
/// five seconds. It checks that the tool works (markers read from the mixed video, latency and join figures
/// produced), not how fast the box is: figures come from the benchmark on a quiet machine.
/// </summary>
public sealed class LoadRunSmokeTests(ITestOutputHelper output)
{
    // A bound, so that a box that never finishes stopping fails this test instead of holding up the whole suite.
    [Fact(Timeout = 300_000)]
    public async Task Two_participants_read_each_others_markers_and_produce_latency_figures()
    {
        await using var box = await RunningAppliance.StartAsync("--Media:AnnouncedAddresses:0=127.0.0.1");
        var certificate = BoxCertificate.Of(box.Certificate);
        using var http = certificate.CreateHttpClient(box.HttpsBase);
        var options = new LoadRunOptions
        {
            Participants = 2,
            Duration = TimeSpan.FromSeconds(5),
            Settle = TimeSpan.FromSeconds(1),
            JoinTimeout = TimeSpan.FromSeconds(60),
            LoopFrames = 60,
            KeyFrameInterval = 30,
        };
        var run = new LoadRun(options, box.HttpsBase, certificate, new BoxProbe(http, Environment.ProcessId), NullLoggerFactory.Instance);

        LoadReport report = await run.RunAsync(output.WriteLine, CancellationToken.None);
        output.WriteLine(System.Text.Json.JsonSerializer.Serialize(report, LoadReport.Json));

        Assert.Equal(2, report.Receivers.Count);
        foreach (var receiver in report.Receivers)
        {
            Assert.True(receiver.FramesReceived > 0, $"participant {receiver.Participant} received no mixed frame in the window");
            Assert.True(receiver.TilesRead > 0, $"participant {receiver.Participant} read no marker");
            Assert.True(receiver.LatencySamples > 0, $"participant {receiver.Participant} measured no latency");
            Assert.NotNull(receiver.LatencyMsP50);
            Assert.NotNull(receiver.LatencyMsP99);
            Assert.NotNull(receiver.JoinToFirstFrameMs);
            Assert.NotNull(receiver.MedianFramesPerSecond);
        }
        Assert.NotNull(report.Meeting.LatencyMsP95);
        Assert.NotNull(report.Box?.CpuMsPerOutputFrame);
        Assert.True(report.Box!.OutputFrames > 0, "the box's media clock did not tick in the window");
    }
}
