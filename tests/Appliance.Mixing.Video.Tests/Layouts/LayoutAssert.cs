using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Composition;
using Appliance.Mixing.Video.Layouts;

namespace Appliance.Mixing.Video.Tests.Layouts;

/// <summary>The invariants every layout keeps, whatever its shape.</summary>
internal static class LayoutAssert
{
    public static string[] Ids(int count) => [.. Enumerable.Range(1, count).Select(i => $"p{i}")];

    public static void WellFormed(VideoResolution canvas, IReadOnlyList<string> ids, LayoutTile[] tiles)
    {
        Assert.Equal(ids.Count, tiles.Length);
        Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), tiles.Select(t => t.Id).OrderBy(i => i, StringComparer.Ordinal));
        foreach (LayoutTile tile in tiles)
        {
            PixelRect r = tile.Rect;
            Assert.False(r.IsEmpty, $"{tile.Id} is empty");
            Assert.True(r.X >= 0 && r.Y >= 0 && r.Right <= canvas.Width && r.Bottom <= canvas.Height, $"{tile.Id} {r} leaves the canvas");
            Assert.True(r.X % 2 == 0 && r.Y % 2 == 0 && r.Width % 2 == 0 && r.Height % 2 == 0, $"{tile.Id} {r} is not even");
        }
        for (int i = 0; i < tiles.Length; i++)
        {
            for (int j = i + 1; j < tiles.Length; j++)
            {
                Assert.False(Overlap(tiles[i].Rect, tiles[j].Rect), $"{tiles[i]} overlaps {tiles[j]}");
            }
        }
    }

    public static bool Overlap(PixelRect a, PixelRect b) =>
        a.X < b.Right && b.X < a.Right && a.Y < b.Bottom && b.Y < a.Bottom;
}
