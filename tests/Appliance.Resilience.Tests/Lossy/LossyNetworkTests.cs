using System.Diagnostics;
using System.Net;
using Appliance.Conference;
using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Providers;
using Appliance.LoadTool;
using Appliance.LoadTool.Measurement;
using Appliance.LoadTool.Media;
using Appliance.LoadTool.Signaling;
using Appliance.Testing;
using Appliance.WebRtc;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace Appliance.Resilience.Tests.Lossy;

/// <summary>
/// Issue #8 part 2: three synthetic participants over real UDP, one behind an <see cref="ImpairingRelay"/>:
/// 5 % loss with 30 ms ± 20 ms delay (which reorders) in both directions, then a 2-second outage, then a clean
/// network. The other two keep receiving the mix; the impaired camera's tile moves again after the outage; the
/// box answered NACKs with retransmissions and asked for key frames. Durations are printed, not asserted.
/// </summary>
public sealed class LossyNetworkTests(ITestOutputHelper output)
{
    private const int Impaired = 2;
    private const int LoopFrames = 90;
    /// <summary>A key frame every 3 s only: the impaired camera's tile recovers through the box's PLI, not by luck.</summary>
    private const int KeyFrameInterval = 90;
    /// <summary>Mixed frames per second the others receive in every second of the impairment: a stalled mix gives 0–2.</summary>
    private const int FrameRateFloor = 5;
    private static readonly TimeSpan LossyPhase = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan OutagePhase = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Others_keep_their_mix_and_the_lossy_participant_recovers_after_an_outage()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = bound.Token;
        await using var box = await RunningAppliance.StartAsync("--Media:AnnouncedAddresses:0=127.0.0.1");
        var certificate = BoxCertificate.Of(box.Certificate);
        var mediaPort = box.App.Services.GetRequiredService<MediaPort>();
        using var relay = new ImpairingRelay(new IPEndPoint(IPAddress.Loopback, mediaPort.LocalPort), seed: 8);

        var loggers = NullLoggerFactory.Instance;
        var software = new SoftwareProvider(loggers);
        var pool = new VideoFramePool();
        var sendLogs = Enumerable.Range(0, 3).Select(_ => new SendLog(LoopFrames)).ToArray();
        using var pump = new MediaPump();
        var participants = new List<SyntheticParticipant>();
        try
        {
            for (int n = 0; n < 3; n++)
            {
                var camera = PreEncodedVideo.Encode(VideoCodec.H264, n, LoopFrames, KeyFrameInterval, 600_000, software, pool);
                // Participant 0 decodes the mix and reads the tiles; the others count frames (the machine is shared).
                var options = new SyntheticParticipantOptions(n, VideoCodec.H264, Audio: false, Decode: n == 0, MaxTiles: 4,
                    MediaEndpoint: n == Impaired ? relay.Endpoint : null);
                var participant = new SyntheticParticipant(options, camera, null, sendLogs, software, pool, loggers);
                participants.Add(participant);
                await participant.JoinAsync(box.HttpsBase, certificate, "meeting", pump, TimeSpan.FromSeconds(30), ct);
            }
            ReceiverStatistics reader = participants[0].Statistics;
            await reader.NewFrameShownAsync(Impaired, Stopwatch.GetTimestamp()).WaitAsync(ct);
            output.WriteLine("all three joined; participant 0 sees the impaired participant's camera move");

            relay.LossRate = 0.05;
            relay.Delay = TimeSpan.FromMilliseconds(30);
            relay.Jitter = TimeSpan.FromMilliseconds(20);
            var others = participants.Where(p => p.Options.Number != Impaired).ToArray();
            var lossyRates = await FramesPerSecondAsync(others, LossyPhase, ct);
            long lostByRelay = relay.Lost;

            relay.Outage = true;
            var outageRates = await FramesPerSecondAsync(others, OutagePhase, ct);
            relay.Outage = false;
            relay.LossRate = 0;
            relay.Delay = TimeSpan.Zero;
            relay.Jitter = TimeSpan.Zero;
            long outageEnded = Stopwatch.GetTimestamp();
            long impairedFramesAtEnd = participants[Impaired].Statistics.FramesReceived;

            long shownAt = await reader.NewFrameShownAsync(Impaired, outageEnded).WaitAsync(ct);
            double recoveryMs = Stopwatch.GetElapsedTime(outageEnded, shownAt).TotalMilliseconds;

            var impairedRates = await FramesPerSecondAsync([participants[Impaired]], TimeSpan.FromSeconds(2), ct);

            var boxSide = box.App.Services.GetRequiredService<ParticipantDirectory>().All
                .Single(p => p.Name == participants[Impaired].Options.Name).Peer;
            long retransmitted = boxSide.VideoSender?.Stream.PacketsRetransmitted ?? 0;
            long plisSent = boxSide.VideoReceiver?.KeyFrames.PliCount ?? 0;
            var impaired = participants[Impaired];

            output.WriteLine($"relay: {relay.Forwarded} forwarded, {lostByRelay} lost at random, {relay.DroppedInOutage} dropped in the outage");
            output.WriteLine($"others' mixed frames per second, lossy phase: {string.Join(' ', lossyRates)}");
            output.WriteLine($"others' mixed frames per second, outage: {string.Join(' ', outageRates)}");
            output.WriteLine($"impaired tile moving again {recoveryMs:F0} ms after the outage ended");
            output.WriteLine($"box: {boxSide.NacksReceived} NACKs received, {retransmitted} packets retransmitted to the impaired participant, "
                + $"{plisSent} PLIs sent for its camera");
            output.WriteLine($"impaired participant: {impaired.PacketsLost} mix packets lost, {impaired.Statistics.RtxPacketsReceived} RTX received, "
                + $"{impaired.NacksReceived} NACKs and {impaired.PlisReceived} PLIs received, {impaired.RetransmissionsSent} retransmitted; "
                + $"{impaired.Statistics.FramesReceived - impairedFramesAtEnd} mixed frames since the outage ended, "
                + $"then per second: {string.Join(' ', impairedRates)}");

            Assert.True(lostByRelay > 0, "the relay dropped nothing in the lossy phase");
            Assert.All(lossyRates.Concat(outageRates), rate => Assert.True(rate >= FrameRateFloor,
                $"another participant received only {rate} mixed frames in one second of the impairment"));
            Assert.True(impaired.Statistics.FramesReceived > impairedFramesAtEnd, "the impaired participant received no mixed frame after the outage");
            Assert.True(boxSide.NacksReceived > 0, "the impaired participant's NACKs did not reach the box");
            Assert.True(retransmitted > 0, "the box answered no NACK with a retransmission");
            Assert.True(impaired.Statistics.RtxPacketsReceived > 0, "no retransmission reached the impaired participant");
            Assert.True(plisSent > 0, "the box asked the impaired camera for no key frame");
            Assert.True(impaired.PlisReceived > 0, "no PLI from the box reached the impaired participant");
        }
        finally
        {
            foreach (var participant in participants)
                await participant.DisposeAsync();
        }
    }

    /// <summary>The fewest mixed frames any of <paramref name="receivers"/> got in each whole second of <paramref name="phase"/>.</summary>
    private static async Task<List<long>> FramesPerSecondAsync(SyntheticParticipant[] receivers, TimeSpan phase, CancellationToken ct)
    {
        var rates = new List<long>();
        var last = receivers.Select(r => r.Statistics.FramesReceived).ToArray();
        using var second = new PeriodicTimer(TimeSpan.FromSeconds(1));
        for (int s = 0; s < (int)phase.TotalSeconds && await second.WaitForNextTickAsync(ct); s++)
        {
            var now = receivers.Select(r => r.Statistics.FramesReceived).ToArray();
            rates.Add(now.Zip(last, (a, b) => a - b).Min());
            last = now;
        }
        return rates;
    }
}
