using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Composition;
using Appliance.Mixing.Video.Layouts;

namespace Appliance.Mixing.Video.Tests.Layouts;

/// <summary>The active-speaker and presenter layouts: one large focus tile and a strip of the others.</summary>
public class FocusLayoutTests
{
    private static readonly VideoResolution Hd = new(1280, 720);

    public static TheoryData<int> Counts() => [.. Enumerable.Range(1, 25)];

    [Theory]
    [MemberData(nameof(Counts))]
    public void ActiveSpeakerIsLargestAndTheOthersShareABottomStrip(int count)
    {
        string[] ids = LayoutAssert.Ids(count);
        string speaker = ids[count / 2];
        LayoutTile[] tiles = LayoutEngine.Arrange(LayoutKind.ActiveSpeaker, Hd, ids, speaker);
        LayoutAssert.WellFormed(Hd, ids, tiles);
        Assert.Equal(speaker, tiles[0].Id);
        if (count == 1)
        {
            Assert.Equal(new PixelRect(0, 0, 1280, 720), tiles[0].Rect);
            return;
        }
        Assert.Equal(new PixelRect(0, 0, 1280, 576), tiles[0].Rect);
        LayoutTile[] strip = tiles[1..];
        Assert.Equal(ids.Where(i => i != speaker), strip.Select(t => t.Id)); // join order, speaker left out
        Assert.All(strip, t => Assert.True(t.Rect.Y >= 576, $"{t} is above the strip"));
        Assert.Single(strip.Select(t => t.Rect.Y).Distinct()); // one row
        Assert.All(strip, t => Assert.True(t.Rect.Width * t.Rect.Height < tiles[0].Rect.Width * tiles[0].Rect.Height / 4));
    }

    [Theory]
    [MemberData(nameof(Counts))]
    public void PresenterScreenIsLargeAndTheParticipantsShareARightColumn(int count)
    {
        string[] ids = LayoutAssert.Ids(count);
        string screen = ids[^1];
        LayoutTile[] tiles = LayoutEngine.Arrange(LayoutKind.Presenter, Hd, ids, screen);
        LayoutAssert.WellFormed(Hd, ids, tiles);
        Assert.Equal(screen, tiles[0].Id);
        if (count == 1)
        {
            Assert.Equal(new PixelRect(0, 0, 1280, 720), tiles[0].Rect);
            return;
        }
        Assert.Equal(new PixelRect(0, 0, 1024, 720), tiles[0].Rect);
        LayoutTile[] column = tiles[1..];
        Assert.Equal(ids.Where(i => i != screen), column.Select(t => t.Id));
        Assert.All(column, t => Assert.True(t.Rect.X >= 1024, $"{t} is left of the column"));
        Assert.Single(column.Select(t => t.Rect.X).Distinct()); // one column
    }

    [Fact]
    public void AFewThumbnailsKeepTheCanvasAspectAndAreCentredInTheStrip()
    {
        LayoutTile[] tiles = LayoutEngine.Arrange(LayoutKind.ActiveSpeaker, Hd, ["a", "b", "c"], "a");
        // Strip 1280x144 at y=576; thumbnails up to 144 - 8 = 136 high -> 136 * 16/9 = 241.7 -> 240 wide, 135 -> 134 high.
        Assert.Equal(new PixelRect(398, 580, 240, 134), tiles[1].Rect);
        Assert.Equal(new PixelRect(642, 580, 240, 134), tiles[2].Rect);
    }

    [Theory]
    [InlineData(LayoutKind.ActiveSpeaker)]
    [InlineData(LayoutKind.Presenter)]
    public void AnUnknownOrMissingFocusFallsBackToTheFirstTile(LayoutKind kind)
    {
        string[] ids = ["a", "b", "c"];
        Assert.Equal("a", LayoutEngine.Arrange(kind, Hd, ids, "nobody")[0].Id);
        Assert.Equal("a", LayoutEngine.Arrange(kind, Hd, ids, null)[0].Id);
    }

    [Theory]
    [InlineData(LayoutKind.Grid)]
    [InlineData(LayoutKind.ActiveSpeaker)]
    [InlineData(LayoutKind.Presenter)]
    public void TheEngineReturnsTheStrategyOfEachKind(LayoutKind kind) => Assert.Equal(kind, LayoutEngine.For(kind).Kind);
}
