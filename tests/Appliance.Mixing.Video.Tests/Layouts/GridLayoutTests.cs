using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Composition;
using Appliance.Mixing.Video.Layouts;
using CsCheck;

namespace Appliance.Mixing.Video.Tests.Layouts;

public class GridLayoutTests
{
    private static readonly VideoResolution Hd = new(1280, 720);

    public static TheoryData<int, int, int> ExpectedGrids()
    {
        var data = new TheoryData<int, int, int>();
        for (int n = 1; n <= 25; n++)
        {
            int columns = n switch { 1 => 1, 2 => 2, <= 4 => 2, <= 9 => 3, <= 16 => 4, _ => 5 };
            int rows = (n + columns - 1) / columns;
            data.Add(n, columns, rows);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ExpectedGrids))]
    public void OneToTwentyFiveParticipantsGetTheExpectedGridInsideTheCanvas(int count, int columns, int rows)
    {
        Assert.Equal((columns, rows), GridLayout.Dimensions(count));
        string[] ids = LayoutAssert.Ids(count);
        LayoutTile[] tiles = LayoutEngine.Arrange(LayoutKind.Grid, Hd, ids);
        LayoutAssert.WellFormed(Hd, ids, tiles);
        Assert.Equal(ids, tiles.Select(t => t.Id)); // reading order
        Assert.Equal(rows, tiles.Select(t => t.Rect.Y).Distinct().Count());
        Assert.Equal(Math.Min(columns, count), tiles.Count(t => t.Rect.Y == tiles[0].Rect.Y));
        Assert.Single(tiles.Select(t => (t.Rect.Width, t.Rect.Height)).Distinct()); // equal cells
        PixelRect cell = tiles[0].Rect;
        Assert.InRange(cell.Width * 720.0 / (cell.Height * 1280.0), 0.98, 1.02); // the canvas aspect
    }

    [Fact]
    public void OneParticipantFillsTheCanvas()
    {
        LayoutTile[] tiles = LayoutEngine.Arrange(LayoutKind.Grid, Hd, ["a"]);
        Assert.Equal(new PixelRect(0, 0, 1280, 720), tiles[0].Rect);
    }

    [Fact]
    public void TwoParticipantsSitSideBySideCentredVertically()
    {
        LayoutTile[] tiles = LayoutEngine.Arrange(LayoutKind.Grid, Hd, ["a", "b"]);
        // (1280 - 4) / 2 = 638 -> 638 wide, 638 * 720 / 1280 = 358.875 -> 358 high; centred: (720 - 358) / 2 = 181 -> 180.
        Assert.Equal(new PixelRect(0, 180, 638, 358), tiles[0].Rect);
        Assert.Equal(new PixelRect(642, 180, 638, 358), tiles[1].Rect);
    }

    [Fact]
    public void AShortLastRowIsCentred()
    {
        LayoutTile[] tiles = LayoutEngine.Arrange(LayoutKind.Grid, Hd, LayoutAssert.Ids(3));
        PixelRect top = tiles[0].Rect, bottom = tiles[2].Rect;
        Assert.True(bottom.Y > top.Y);
        int leftMargin = bottom.X, rightMargin = 1280 - bottom.Right;
        Assert.InRange(Math.Abs(leftMargin - rightMargin), 0, 2);
    }

    [Fact]
    public void NoTilesForNoParticipants() => Assert.Empty(LayoutEngine.Arrange(LayoutKind.Grid, Hd, []));

    [Fact]
    public void AnyCanvasAndCountGivesAWellFormedGrid()
    {
        Gen.Select(Gen.Int[16, 1920], Gen.Int[16, 1080], Gen.Int[1, 30]).Sample((width, height, count) =>
        {
            var canvas = new VideoResolution(width, height);
            string[] ids = LayoutAssert.Ids(count);
            LayoutTile[] tiles = LayoutEngine.Arrange(LayoutKind.Grid, canvas, ids);
            // Tiny canvases may leave no room for a tile: then the cells are empty, never outside or overlapping.
            if (tiles.All(t => !t.Rect.IsEmpty))
            {
                LayoutAssert.WellFormed(canvas, ids, tiles);
            }
        });
    }
}
