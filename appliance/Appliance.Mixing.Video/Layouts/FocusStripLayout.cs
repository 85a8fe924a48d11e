using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Composition;

namespace Appliance.Mixing.Video.Layouts;

/// <summary>
/// One tile large (the focus) and everyone else in a strip of equal thumbnails (canvas aspect) beside it, in id order,
/// shrinking as the meeting grows; alone, the focus fills the canvas. The active-speaker layout puts the strip along
/// the bottom, the presenter layout in a column on the right.
/// </summary>
public abstract class FocusStripLayout : ILayout
{
    private readonly bool _stripAlongBottom;

    /// <param name="stripFraction">Share of the canvas (its height for a bottom strip, its width for a column) the strip takes (0.1 to 0.5).</param>
    /// <param name="gap">Pixels around and between the thumbnails (even).</param>
    /// <param name="stripAlongBottom">True for a strip along the bottom, false for a column on the right.</param>
    protected FocusStripLayout(double stripFraction, int gap, bool stripAlongBottom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stripFraction, 0.1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stripFraction, 0.5);
        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        StripFraction = stripFraction;
        Gap = LayoutGeometry.EvenDown(gap);
        _stripAlongBottom = stripAlongBottom;
    }

    public abstract LayoutKind Kind { get; }

    /// <summary>Share of the canvas height (bottom strip) or width (column) the thumbnails take.</summary>
    public double StripFraction { get; }

    public int Gap { get; }

    public int Arrange(VideoResolution canvas, ReadOnlySpan<string> tileIds, string? focusId, Span<LayoutTile> tiles)
    {
        LayoutGeometry.CheckCanvas(canvas);
        if (tileIds.IsEmpty)
        {
            return 0;
        }
        int focus = LayoutGeometry.FocusIndex(tileIds, focusId);
        int width = LayoutGeometry.EvenDown(canvas.Width), height = LayoutGeometry.EvenDown(canvas.Height);
        if (tileIds.Length == 1)
        {
            tiles[0] = new LayoutTile(tileIds[0], new PixelRect(0, 0, width, height));
            return 1;
        }
        PixelRect main, strip;
        if (_stripAlongBottom)
        {
            int mainHeight = LayoutGeometry.EvenDown(canvas.Height - LayoutGeometry.EvenDown((int)(canvas.Height * StripFraction)));
            main = new PixelRect(0, 0, width, mainHeight);
            strip = new PixelRect(0, mainHeight, canvas.Width, canvas.Height - mainHeight);
        }
        else
        {
            int mainWidth = LayoutGeometry.EvenDown(canvas.Width - LayoutGeometry.EvenDown((int)(canvas.Width * StripFraction)));
            main = new PixelRect(0, 0, mainWidth, height);
            strip = new PixelRect(mainWidth, 0, canvas.Width - mainWidth, canvas.Height);
        }
        tiles[0] = new LayoutTile(tileIds[focus], main);
        return 1 + LayoutGeometry.Strip(tileIds, focus, strip, horizontal: _stripAlongBottom, Gap, canvas, tiles[1..]);
    }
}
