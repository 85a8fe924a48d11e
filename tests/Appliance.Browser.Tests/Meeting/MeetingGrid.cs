using Appliance.Testing.Browsers;

namespace Appliance.Browser.Tests.Meeting;

/// <summary>
/// Where the box's grid layout puts each participant's tile, worked out here from the canvas
/// alone (not from the box's own layout code, so a layout bug shows): cells keep the canvas's
/// aspect ratio, 2 sit side by side (half the width, so half the height, centred vertically),
/// 3-4 make a 2x2 grid whose shorter last row is centred. The few pixels of gap between cells
/// are ignored: the regions sampled are the middle of each tile.
/// </summary>
public static class MeetingGrid
{
    /// <summary>
    /// The part of a tile that shows only the participant's flat colour: its middle half across,
    /// and from 15 % to 60 % down, above the fake camera's moving marker (its bottom quarter) and
    /// the name label (bottom-left).
    /// </summary>
    private static readonly VideoRegion TileMiddle = new(0.25, 0.15, 0.5, 0.45);

    /// <summary>The tile of the participant who joined <paramref name="joinIndex"/>-th in a meeting of <paramref name="count"/>.</summary>
    public static VideoRegion Tile(int count, int joinIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(joinIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(joinIndex, count);
        return count switch
        {
            1 => VideoRegion.Whole,
            2 => new VideoRegion(joinIndex * 0.5, 0.25, 0.5, 0.5),
            3 when joinIndex == 2 => new VideoRegion(0.25, 0.5, 0.5, 0.5),
            3 or 4 => new VideoRegion((joinIndex % 2) * 0.5, (joinIndex / 2) * 0.5, 0.5, 0.5),
            _ => throw new ArgumentOutOfRangeException(nameof(count), count, "The tests use meetings of 1 to 4."),
        };
    }

    /// <summary>
    /// A band across the top of a tile (4 % to 14 % down, the middle half across): flat in a camera's picture, and clear of
    /// the name the placeholder draws in the middle of a tile without video.
    /// </summary>
    private static readonly VideoRegion TileTop = new(0.25, 0.04, 0.5, 0.1);

    /// <summary>The top band of that tile, in fractions of the canvas (for placeholders).</summary>
    public static VideoRegion TileTopOf(int count, int joinIndex) => Within(Tile(count, joinIndex), TileTop);

    /// <summary>The flat middle of that tile, in fractions of the canvas.</summary>
    public static VideoRegion TileMiddleOf(int count, int joinIndex) => Within(Tile(count, joinIndex), TileMiddle);

    private static VideoRegion Within(VideoRegion outer, VideoRegion inner) => new(
        outer.Left + inner.Left * outer.Width, outer.Top + inner.Top * outer.Height,
        inner.Width * outer.Width, inner.Height * outer.Height);
}
