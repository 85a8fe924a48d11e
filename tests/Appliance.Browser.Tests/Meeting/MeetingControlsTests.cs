using Appliance.Browser.Tests.Echo;
using Appliance.Conference;
using Appliance.Mixing.Video.Layouts;
using Appliance.Testing.Browsers;
using Appliance.Testing.FakeMedia;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Appliance.Browser.Tests.Meeting;

/// <summary>
/// The meeting's controls end to end (issue 9), with two Chromium participants: muting the microphone takes
/// the participant's tone out of the other's mix, stopping the camera shows the name placeholder instead of
/// the colour, sharing the screen switches the room to the presenter layout, the roster lists names and who
/// speaks, and the admin's kick ends a participant's meeting.
/// </summary>
[Collection(EchoCollection.Name)]
public sealed class MeetingControlsTests(MeetingFixture fixture, ITestOutputHelper output) : IClassFixture<MeetingFixture>
{
    private const double ColourTolerance = ChromiumEchoTests.ColourTolerance;
    private const double HeardAboveFloorDb = AudioProbe.MinimumPeakAboveFloorDb;
    private const double MixEstablishedPeakDb = -60;
    private static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(60);

    /// <summary>The compositor's placeholder grey (CompositorOptions.Placeholder, RGB 44, 48, 60).</summary>
    private static readonly RgbColour Placeholder = new(44, 48, 60);

    [Fact]
    public async Task Muting_the_microphone_takes_its_tone_out_of_the_others_mix_and_the_roster_shows_it()
    {
        var (speaker, listener) = await JoinTwoAsync();
        try
        {
            var speakerId = await speaker.ParticipantIdAsync();
            var listenerId = await listener.ParticipantIdAsync();
            // The roster: both names, and both speaking (each plays its tone all the time).
            await listener.WaitForListedAsync(MeetingControls.Item(speakerId, "[data-speaking=\"true\"][data-mic-muted=\"false\"]"), "P0 speaking");
            await listener.WaitForListedAsync(MeetingControls.Item(listenerId, "[data-speaking=\"true\"]"), "P1 (you) speaking");
            var names = await listener.ListTextAsync();
            Assert.Contains("P0", names);
            Assert.Contains("P1 (you)", names);

            double[] hz = [fixture.Media.Participant(0).ToneHz, fixture.Media.Participant(1).ToneHz];
            await RemoteSpectrum.StartAsync(listener.Page);
            var before = await RemoteSpectrum.WaitForTonesAsync(listener.Page, hz, [0], HeardAboveFloorDb, MediaTimeout, MixEstablishedPeakDb);

            await speaker.PressAsync("Mute microphone");
            await listener.WaitForListedAsync(MeetingControls.Item(speakerId, "[data-mic-muted=\"true\"][data-speaking=\"false\"]"), "P0 muted and silent");
            await Assertions.Expect(speaker.Page.GetByRole(AriaRole.Button, new() { Name = "Unmute microphone" })).ToHaveAttributeAsync("aria-pressed", "true");
            // The box has left the tone out since the roster said so; the audio already on its way drains within the readings' first half second.
            var gone = await RemoteSpectrum.WaitForToneGoneAsync(listener.Page, hz, 0, HeardAboveFloorDb, MediaTimeout);
            var readings = await RemoteSpectrum.ReadingsAsync(listener.Page, hz, 20);
            output.WriteLine($"before {before}; gone {gone}; then {string.Join(" | ", readings.Select(r => r.ToString()))}");
            foreach (var reading in readings)
                Assert.True(reading.AboveFloorDb(0) < HeardAboveFloorDb, $"{listener} still hears the muted P0's {hz[0]} Hz: {reading}");

            await speaker.PressAsync("Unmute microphone");
            var back = await RemoteSpectrum.WaitForTonesAsync(listener.Page, hz, [0], HeardAboveFloorDb, MediaTimeout);
            output.WriteLine($"unmuted: {back}");
        }
        finally
        {
            await speaker.DisposeAsync();
            await listener.DisposeAsync();
        }
    }

    [Fact]
    public async Task Stopping_the_camera_shows_the_name_placeholder_instead_of_the_colour()
    {
        var (first, second) = await JoinTwoAsync();
        try
        {
            var firstId = await first.ParticipantIdAsync();
            (VideoRegion, RgbColour)[] cameras = [(MeetingGrid.TileMiddleOf(2, 0), Colour(0)), (MeetingGrid.TileMiddleOf(2, 1), Colour(1))];
            await second.WaitForTilesAsync(cameras, ColourTolerance, MediaTimeout);

            await first.PressAsync("Stop camera");
            (VideoRegion, RgbColour)[] placeholder = [(MeetingGrid.TileTopOf(2, 0), Placeholder), (MeetingGrid.TileTopOf(2, 1), Colour(1))];
            var shown = await second.WaitForTilesAsync(placeholder, ColourTolerance, MediaTimeout);
            await second.WaitForListedAsync(MeetingControls.Item(firstId, "[data-camera-off=\"true\"]"), "P0's camera off");
            Assert.Contains("P0", await second.ListTextAsync());
            Assert.True(shown[0].DistanceTo(Colour(0)) > 2 * ColourTolerance, $"P0's tile still shows the camera's colour: {shown[0]}");

            await first.PressAsync("Start camera");
            await second.WaitForTilesAsync(cameras, ColourTolerance, MediaTimeout);
            output.WriteLine($"placeholder tile {shown[0]}, other {shown[1]}");
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }
    }

    /// <summary>
    /// Chromium's fake screen capture (headless, with --use-fake-device-for-media-stream and --use-fake-ui-for-media-stream,
    /// getDisplayMedia works after the button's click) is a green picture whose brightness pulses: green stands well above
    /// red and blue, unlike the red and blue cameras of participants 0 and 2 used here, the placeholder and the background.
    /// </summary>
    private const string ScreenIsGreen = "shown[0].G > shown[0].R + 40 && shown[0].G > shown[0].B + 40";

    [Fact]
    public async Task Sharing_the_screen_switches_the_room_to_the_presenter_layout_and_back()
    {
        var (sharer, viewer) = await JoinTwoAsync(second: 2);
        try
        {
            var sharerId = await sharer.ParticipantIdAsync();
            (VideoRegion, RgbColour)[] grid = [(MeetingGrid.TileMiddleOf(2, 0), Colour(0)), (MeetingGrid.TileMiddleOf(2, 1), Colour(2))];
            await viewer.WaitForTilesAsync(grid, ColourTolerance, MediaTimeout);

            await sharer.PressAsync("Stop camera"); // the sharer's own tile then cannot pass for the screen
            await sharer.PressAsync("Share screen");
            await Assertions.Expect(sharer.Page.GetByRole(AriaRole.Button, new() { Name = "Stop sharing" })).ToHaveAttributeAsync("aria-pressed", "true");
            // The screen large on the left; the cameras (the sharer's placeholder, then participant 2) in the column on the right.
            var expected = $"{ScreenIsGreen} && Math.hypot(shown[1].R - {Placeholder.R}, shown[1].G - {Placeholder.G}, shown[1].B - {Placeholder.B}) <= {ColourTolerance}"
                + $" && Math.hypot(shown[2].R - {Colour(2).R}, shown[2].G - {Colour(2).G}, shown[2].B - {Colour(2).B}) <= {ColourTolerance}";
            var shown = await viewer.WaitForShownAsync(
                [MeetingPresenter.Screen, MeetingPresenter.Thumbnail(2, 0), MeetingPresenter.Thumbnail(2, 1)], expected,
                "the shared screen large and the two cameras in the column", MediaTimeout);
            await viewer.WaitForListedAsync(MeetingControls.Item(sharerId, "[data-sharing=\"true\"]"), "P0 sharing");
            Assert.Equal(LayoutKind.Presenter, fixture.Room.Layout);
            Assert.Equal(sharerId, fixture.Room.CurrentRoster().PresenterId);
            Assert.True(fixture.Room.Snapshot().Single(s => s.Id == sharerId).Sharing);
            output.WriteLine($"presenter layout: screen {shown[0]}, thumbnails {shown[1]} and {shown[2]}");

            await sharer.PressAsync("Stop sharing");
            await sharer.PressAsync("Start camera");
            await viewer.WaitForTilesAsync(grid, ColourTolerance, MediaTimeout);
            Assert.Equal(LayoutKind.Grid, fixture.Room.Layout);
            Assert.Null(fixture.Room.CurrentRoster().PresenterId);
        }
        finally
        {
            await sharer.DisposeAsync();
            await viewer.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_kicked_participant_is_told_and_removed_and_the_admin_sees_the_figures()
    {
        var (stays, kicked) = await JoinTwoAsync();
        try
        {
            await stays.WaitForTilesAsync([(MeetingGrid.TileMiddleOf(2, 0), Colour(0)), (MeetingGrid.TileMiddleOf(2, 1), Colour(1))], ColourTolerance, MediaTimeout);
            var kickedId = await kicked.ParticipantIdAsync();
            var statuses = fixture.Room.Snapshot();
            output.WriteLine(string.Join(Environment.NewLine, statuses));
            Assert.Equal(2, statuses.Count);
            Assert.All(statuses, s =>
            {
                Assert.Equal("participant", s.Role);
                Assert.Equal("H264", s.Codec);
                Assert.StartsWith("H264", s.EncoderGroup);
                Assert.True(s.Width > 0 && s.Height > 0, $"{s.Name}: no camera resolution");
                Assert.True(s.FramesPerSecondIn > 0 && s.BitrateIn > 0 && s.BitrateOut > 0, $"{s.Name}: no media rates");
            });

            await kicked.Page.EvaluateAsync("() => { window.__kickedPc = window.appliance.meeting.pc; }");
            await fixture.Room.KickAsync(kickedId);
            // The page says why it is out of the meeting (and does not try to come back), and its connection is closed.
            await Assertions.Expect(kicked.Page.Locator("#error")).ToContainTextAsync("removed from the meeting", new() { Timeout = 20_000 });
            await kicked.Page.WaitForFunctionAsync("() => window.__kickedPc.connectionState === 'closed'", null, new() { Timeout = 20_000 });
            Assert.Equal(1, fixture.Room.Count);
            await stays.WaitForTilesAsync([(MeetingGrid.TileMiddleOf(1, 0), Colour(0))], ColourTolerance, MediaTimeout);
            await Assertions.Expect(stays.Page.Locator("#participants li")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
            Assert.DoesNotContain("P1", await stays.ListTextAsync());
        }
        finally
        {
            await stays.DisposeAsync();
            await kicked.DisposeAsync();
        }
    }

    private async Task<(MeetingPage, MeetingPage)> JoinTwoAsync(int second = 1)
    {
        var first = await fixture.JoinAsync(BrowserKind.Chromium, 0);
        try
        {
            return (first, await fixture.JoinAsync(BrowserKind.Chromium, second));
        }
        catch
        {
            await first.DisposeAsync();
            throw;
        }
    }

    private RgbColour Colour(int participant) => fixture.Media.Participant(participant).ExpectedRgb;
}
