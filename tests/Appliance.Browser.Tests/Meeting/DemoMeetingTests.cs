using Appliance.Browser.Tests.Echo;
using Appliance.Conference;
using Appliance.Conference.Demo;
using Appliance.Testing.Browsers;
using Appliance.WebRtc;
using Appliance.Testing.FakeMedia;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Appliance.Browser.Tests.Meeting;

/// <summary>
/// The demo (issue 9): one real Chromium joins a box started with <c>--demo 2</c> and sees what a person
/// trying the box alone would see: the two demo participants' colours in the first two tiles of a 2x2 grid
/// and its own camera in the third, and hears both demo tones (and not its own, mix-minus).
/// In the echo collection: two cores cannot run these browsers beside another browser class.
/// </summary>
[Collection(EchoCollection.Name)]
public sealed class DemoMeetingTests(DemoMeetingFixture fixture, ITestOutputHelper output) : IClassFixture<DemoMeetingFixture>
{
    private const double ColourTolerance = ChromiumEchoTests.ColourTolerance;

    // The demo tones (made in the box, without a browser's capture processing) arrive at about -31 dB in steady
    // state; the readings start at -40 dB, once the received audio has faded in (during the fade-in the jitter
    // buffer's stretching smears the tones into their neighbours, the own tone's bins included).
    private const double MixEstablishedPeakDb = -40;
    private static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_browser_sees_the_demo_participants_tiles_and_hears_their_tones()
    {
        Assert.Equal(DemoMeetingFixture.DemoParticipants, fixture.Room.SyntheticCount);
        await using var page = await fixture.JoinAsync(BrowserKind.Chromium, 0);

        // Demo participants joined first, at start-up: tiles 0 and 1; the browser's camera is the third.
        (VideoRegion, RgbColour)[] tiles =
        [
            (MeetingGrid.TileMiddleOf(3, 0), DemoColour(0)),
            (MeetingGrid.TileMiddleOf(3, 1), DemoColour(1)),
            (MeetingGrid.TileMiddleOf(3, 2), fixture.Media.Participant(0).ExpectedRgb),
        ];
        var stats = await page.WaitForFramesDecodedAsync(30, MediaTimeout);
        var shown = await page.WaitForTilesAsync(tiles, ColourTolerance, MediaTimeout);
        output.WriteLine($"{page}: {stats}; tiles {string.Join(", ", shown)}");
        Assert.True(stats.InboundVideoStreams == 1 && stats.InboundAudioStreams == 1, $"one video and one audio stream, got {stats}");

        double[] hz = [DemoPalette.ToneHz(0), DemoPalette.ToneHz(1), fixture.Media.Participant(0).ToneHz];
        await RemoteSpectrum.StartAsync(page.Page);
        var heard = await RemoteSpectrum.WaitForTonesAsync(page.Page, hz, [0, 1], MixMinusJudgement.HeardAboveFloorDb, MediaTimeout, MixEstablishedPeakDb);
        var readings = await RemoteSpectrum.ReadingsAsync(page.Page, hz, 20);
        output.WriteLine($"hears {heard}; then {string.Join(" | ", readings.Select(r => r.ToString()))}");
        MixMinusJudgement.Assert(page.ToString(), readings, own: 2, others: [0, 1]);

        // Rate adaptation: the box asks the browser's camera (REMB) for what its tile, a quarter of the canvas, needs,
        // and Chromium's send target settles there (it would climb towards its own maximum otherwise).
        var peer = Assert.Single(fixture.Box.App.Services.GetRequiredService<ParticipantDirectory>().All).Peer;
        var limit = (double)peer.IncomingVideoBitrateLimit;
        Assert.True(limit < PeerConnection.MaxIncomingVideoBitrate, $"the box asks for {limit / 1000} kbit/s, as much as for a full-canvas camera");
        var target = await page.Page.WaitForFunctionAsync(TargetBitrateNear, limit, new() { Timeout = (float)MediaTimeout.TotalMilliseconds });
        output.WriteLine($"the box asks the camera for {limit / 1000} kbit/s; Chromium's target {await target.JsonValueAsync<double>() / 1000:F0} kbit/s; "
            + $"REMBs from Chromium: {peer.ReceiverEstimates} (and {peer.ReceiverEstimatesForOtherStreams} for other SSRCs), last {peer.ReceiverEstimate / 1000} kbit/s; "
            + $"groups {string.Join(", ", fixture.Room.EncoderGroups.Select(g => $"{g.Profile} ({g.MemberCount}, {g.OutputBitrate / 1000} kbit/s)"))}");
    }

    // Chromium's target bitrate for its camera (webrtc-stats outbound-rtp targetBitrate) once it is within 5 % of the
    // limit; one getStats() call in flight at a time.
    private const string TargetBitrateNear = """
        limit => {
          const pc = window.appliance.meeting.pc;
          if (!window.__targetPending) {
            window.__targetPending = true;
            pc.getStats()
              .then(r => { window.__target = [...r.values()].find(s => s.type === 'outbound-rtp' && s.kind === 'video')?.targetBitrate; })
              .finally(() => { window.__targetPending = false; });
          }
          const target = window.__target;
          return target !== undefined && Math.abs(target - limit) <= 0.05 * limit ? target : null;
        }
        """;

    private static RgbColour DemoColour(int index)
    {
        var (r, g, b) = DemoPalette.Colour(index);
        return new RgbColour(r, g, b);
    }
}
