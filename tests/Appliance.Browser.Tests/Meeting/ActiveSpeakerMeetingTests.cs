using Appliance.Browser.Tests.Echo;
using Appliance.Conference;
using Appliance.Mixing.Video.Layouts;
using Appliance.Testing.Browsers;
using Appliance.Testing.FakeMedia;
using Xunit.Abstractions;

namespace Appliance.Browser.Tests.Meeting;

/// <summary>A box whose meeting uses the active-speaker layout (Meeting:Layout=activeSpeaker).</summary>
public sealed class ActiveSpeakerMeetingFixture : MeetingFixture
{
    protected override IEnumerable<string> Settings => ["--Meeting:Layout=activeSpeaker"];
}

/// <summary>
/// The active-speaker layout follows the box's active-speaker detector (issue 9): two Chromium participants both
/// play their tone; whoever the detector picked is large; once that one mutes, the other takes the large tile (after
/// the detector's hysteresis) and the roster names them.
/// </summary>
[Collection(EchoCollection.Name)]
public sealed class ActiveSpeakerMeetingTests(ActiveSpeakerMeetingFixture fixture, ITestOutputHelper output) : IClassFixture<ActiveSpeakerMeetingFixture>
{
    private const double ColourTolerance = ChromiumEchoTests.ColourTolerance;
    private static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The speaker's tile: the top 80 % of the 640x360 canvas across its whole width (the strip of the others takes the
    /// bottom 20 %); sampled in its middle, above the fake camera's marker and the name label.
    /// </summary>
    private static readonly VideoRegion SpeakerTile = new(0.25, 0.15, 0.5, 0.35);

    [Fact]
    public async Task The_large_tile_follows_the_active_speaker()
    {
        var first = await fixture.JoinAsync(BrowserKind.Chromium, 0);
        await using var _ = first;
        var second = await fixture.JoinAsync(BrowserKind.Chromium, 1);
        await using var __ = second;
        var ids = new[] { await first.ParticipantIdAsync(), await second.ParticipantIdAsync() };
        var pages = new[] { first, second };

        Assert.Equal(LayoutKind.ActiveSpeaker, fixture.Room.Layout);
        // Both speak; the detector picks one of them (the roster tells which), and that one is large.
        await first.WaitForListedAsync("li[data-active-speaker=\"true\"]", "an active speaker");
        var speaker = Array.IndexOf(ids, fixture.Room.ActiveSpeakerId);
        Assert.InRange(speaker, 0, 1);
        await first.WaitForTilesAsync([(SpeakerTile, Colour(speaker))], ColourTolerance, MediaTimeout);

        // The speaker mutes: the other one is clearly louder and, after the hysteresis, takes the large tile.
        var other = 1 - speaker;
        await pages[speaker].PressAsync("Mute microphone");
        await first.WaitForListedAsync(MeetingControls.Item(ids[other], "[data-active-speaker=\"true\"]"), $"P{other} as the active speaker");
        var shown = await first.WaitForTilesAsync([(SpeakerTile, Colour(other))], ColourTolerance, MediaTimeout);
        Assert.Equal(ids[other], fixture.Room.ActiveSpeakerId);
        Assert.Equal("activeSpeaker", fixture.Room.CurrentRoster().Layout);
        output.WriteLine($"first speaker P{speaker}, then P{other}: {shown[0]}");
    }

    private RgbColour Colour(int participant) => fixture.Media.Participant(participant).ExpectedRgb;
}
