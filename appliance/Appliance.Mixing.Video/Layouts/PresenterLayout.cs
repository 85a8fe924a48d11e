using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Composition;

namespace Appliance.Mixing.Video.Layouts;

/// <summary>
/// The shared screen (the focus tile) large on the left; the participants in a column of equal thumbnails (canvas
/// aspect) on the right, in id order, shrinking as the meeting grows. Alone, the screen fills the canvas.
/// </summary>
public sealed class PresenterLayout : ILayout
{
    /// <param name="columnFraction">Share of the canvas width the participant column takes (0.1 to 0.5).</param>
    /// <param name="gap">Pixels around and between the thumbnails (even).</param>
    public PresenterLayout(double columnFraction = 0.2, int gap = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columnFraction, 0.1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(columnFraction, 0.5);
        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        ColumnFraction = columnFraction;
        Gap = LayoutGeometry.EvenDown(gap);
    }

    public LayoutKind Kind => LayoutKind.Presenter;

    public double ColumnFraction { get; }

    public int Gap { get; }

    public int Arrange(VideoResolution canvas, ReadOnlySpan<string> tileIds, string? focusId, Span<LayoutTile> tiles)
    {
        LayoutGeometry.CheckCanvas(canvas);
        if (tileIds.IsEmpty)
        {
            return 0;
        }
        int screen = LayoutGeometry.FocusIndex(tileIds, focusId);
        if (tileIds.Length == 1)
        {
            tiles[0] = new LayoutTile(tileIds[0], new PixelRect(0, 0, LayoutGeometry.EvenDown(canvas.Width), LayoutGeometry.EvenDown(canvas.Height)));
            return 1;
        }
        int columnWidth = LayoutGeometry.EvenDown((int)(canvas.Width * ColumnFraction));
        int mainWidth = LayoutGeometry.EvenDown(canvas.Width - columnWidth);
        tiles[0] = new LayoutTile(tileIds[screen], new PixelRect(0, 0, mainWidth, LayoutGeometry.EvenDown(canvas.Height)));
        var column = new PixelRect(mainWidth, 0, canvas.Width - mainWidth, canvas.Height);
        return 1 + LayoutGeometry.Strip(tileIds, screen, column, horizontal: false, Gap, canvas, tiles[1..]);
    }
}
