using Appliance.Browser.Tests.Echo;
using Appliance.Testing;
using Appliance.Testing.Browsers;
using Appliance.Testing.FakeMedia;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Appliance.Browser.Tests.Meeting;

/// <summary>
/// The meeting's controls from Firefox ESR (issue 9, "Firefox where cheap"): a Firefox participant stops its camera
/// and a Chromium participant sees the name placeholder in its tile; it mutes its microphone and its tone leaves the
/// Chromium participant's mix. (Screen share is tested with Chromium only: headless Firefox ESR with fake media
/// answers getDisplayMedia with NotFoundError.)
/// </summary>
[Collection(EchoCollection.Name)]
public sealed class FirefoxMeetingControlsTests(MeetingFixture fixture, ITestOutputHelper output) : IClassFixture<MeetingFixture>
{
    private const double ColourTolerance = ChromiumEchoTests.ColourTolerance;
    private const double HeardAboveFloorDb = AudioProbe.MinimumPeakAboveFloorDb;
    private static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(60);
    private static readonly RgbColour Placeholder = new(44, 48, 60);

    [Fact]
    public async Task A_Firefox_participants_camera_off_and_mute_reach_the_others()
    {
        var chromium = await fixture.JoinAsync(BrowserKind.Chromium, 0);
        await using var _ = chromium;
        var firefox = await fixture.JoinAsync(BrowserKind.Firefox, 2);
        await using var __ = firefox;
        var firefoxId = await firefox.ParticipantIdAsync();
        double[] hz = [fixture.Media.Participant(0).ToneHz, fixture.Media.Participant(2).ToneHz];

        await chromium.WaitForTilesAsync([(MeetingGrid.TileMiddleOf(2, 0), Colour(0))], ColourTolerance, MediaTimeout);
        await RemoteSpectrum.StartAsync(chromium.Page);
        await RemoteSpectrum.WaitForTonesAsync(chromium.Page, hz, [1], HeardAboveFloorDb, MediaTimeout, -60);

        // Firefox's fake camera is a saturated colour whose hue cycles; the placeholder is a dark grey.
        await firefox.PressAsync("Stop camera");
        var shown = await chromium.WaitForTilesAsync(
            [(MeetingGrid.TileTopOf(2, 0), Colour(0)), (MeetingGrid.TileTopOf(2, 1), Placeholder)], ColourTolerance, MediaTimeout);
        await chromium.WaitForListedAsync(MeetingControls.Item(firefoxId, "[data-camera-off=\"true\"]"), "P2's camera off");

        await firefox.PressAsync("Mute microphone");
        await chromium.WaitForListedAsync(MeetingControls.Item(firefoxId, "[data-mic-muted=\"true\"]"), "P2 muted");
        await Assertions.Expect(firefox.Page.GetByRole(AriaRole.Button, new() { Name = "Unmute microphone" })).ToHaveAttributeAsync("aria-pressed", "true");
        await RemoteSpectrum.WaitForToneGoneAsync(chromium.Page, hz, 1, HeardAboveFloorDb, MediaTimeout);
        var readings = await RemoteSpectrum.ReadingsAsync(chromium.Page, hz, 20);
        foreach (var reading in readings)
            Assert.True(reading.AboveFloorDb(1) < HeardAboveFloorDb, $"{chromium} still hears the muted Firefox's {hz[1]} Hz: {reading}");
        output.WriteLine($"placeholder {shown[1]}; after mute {string.Join(" | ", readings.Select(r => r.ToString()))}");
    }

    private RgbColour Colour(int participant) => fixture.Media.Participant(participant).ExpectedRgb;
}
