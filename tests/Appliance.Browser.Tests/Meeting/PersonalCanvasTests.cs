using Appliance.Browser.Tests.Echo;
using Appliance.Conference.Demo;
using Appliance.Testing.Browsers;
using Appliance.Testing.FakeMedia;
using Xunit.Abstractions;

namespace Appliance.Browser.Tests.Meeting;

/// <summary>The meeting box with personal canvases (Meeting:PersonalCanvas) and two demo participants.</summary>
public sealed class PersonalCanvasFixture : MeetingFixture
{
    protected override IEnumerable<string> Settings => ["--demo", "2", "--Meeting:PersonalCanvas=true"];
}

/// <summary>
/// Personal canvas mode (issue 9): in a small room nobody sees themselves. A real Chromium joins a box with two
/// demo participants and receives a picture of the two of them side by side, without its own camera's tile.
/// In the echo collection: two cores cannot run these browsers beside another browser class.
/// </summary>
[Collection(EchoCollection.Name)]
public sealed class PersonalCanvasTests(PersonalCanvasFixture fixture, ITestOutputHelper output) : IClassFixture<PersonalCanvasFixture>
{
    private static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_participant_sees_the_others_side_by_side_and_not_itself()
    {
        await using var page = await fixture.JoinAsync(BrowserKind.Chromium, 0);

        // Two tiles, as a room of two: the browser's own tile is not in its picture.
        (VideoRegion, RgbColour)[] others =
        [
            (MeetingGrid.TileMiddleOf(2, 0), DemoColour(0)),
            (MeetingGrid.TileMiddleOf(2, 1), DemoColour(1)),
        ];
        var shown = await page.WaitForTilesAsync(others, ChromiumEchoTests.ColourTolerance, MediaTimeout);
        var own = fixture.Media.Participant(0).ExpectedRgb;
        // Where the shared 2x2 grid would put its camera (bottom middle): only background there now.
        var whereItsTileWouldBe = await page.SampleAsync(MeetingGrid.TileMiddleOf(3, 2));
        output.WriteLine($"tiles {string.Join(", ", shown)}; bottom middle {whereItsTileWouldBe}; groups "
            + string.Join(", ", fixture.Room.EncoderGroups.Select(g => $"{g.Profile} ({g.MemberCount})")));
        Assert.True(whereItsTileWouldBe.DistanceTo(own) > 2 * ChromiumEchoTests.ColourTolerance,
            $"the participant sees its own camera colour {own}: {whereItsTileWouldBe}");
        Assert.True(fixture.Room.PersonalCanvasActive);
        Assert.Equal(1, Assert.Single(fixture.Room.EncoderGroups).MemberCount);
    }

    private static RgbColour DemoColour(int index)
    {
        var (r, g, b) = DemoPalette.Colour(index);
        return new RgbColour(r, g, b);
    }
}
