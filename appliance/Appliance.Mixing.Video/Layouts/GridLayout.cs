using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Composition;

namespace Appliance.Mixing.Video.Layouts;

/// <summary>
/// Every participant in an equal cell: 1 fills the canvas, 2 side by side, then 2×2, 3×2, 3×3, 4×3, 4×4, 5×4, 5×5...
/// (columns = ⌈√n⌉, rows = ⌈n / columns⌉). Cells keep the canvas aspect ratio, the grid is centred on the canvas and a
/// shorter last row is centred too.
/// </summary>
public sealed class GridLayout : ILayout
{
    /// <param name="gap">Pixels between neighbouring cells (even; none at the canvas edges).</param>
    public GridLayout(int gap = 4)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        Gap = LayoutGeometry.EvenDown(gap);
    }

    public LayoutKind Kind => LayoutKind.Grid;

    public int Gap { get; }

    /// <summary>The grid a meeting of <paramref name="count"/> tiles uses.</summary>
    public static (int Columns, int Rows) Dimensions(int count)
    {
        if (count <= 0)
        {
            return (0, 0);
        }
        int columns = (int)Math.Ceiling(Math.Sqrt(count));
        int rows = (count + columns - 1) / columns;
        return (columns, rows);
    }

    public int Arrange(VideoResolution canvas, ReadOnlySpan<string> tileIds, string? focusId, Span<LayoutTile> tiles)
    {
        LayoutGeometry.CheckCanvas(canvas);
        int count = tileIds.Length;
        if (count == 0)
        {
            return 0;
        }
        (int columns, int rows) = Dimensions(count);
        (int cellWidth, int cellHeight) = LayoutGeometry.FitCanvasAspect(canvas,
            (canvas.Width - (Gap * (columns - 1))) / columns,
            (canvas.Height - (Gap * (rows - 1))) / rows);
        int gridHeight = (rows * cellHeight) + ((rows - 1) * Gap);
        int top = LayoutGeometry.EvenDown((canvas.Height - gridHeight) / 2);
        for (int row = 0; row < rows; row++)
        {
            int first = row * columns;
            int inRow = Math.Min(columns, count - first);
            int rowWidth = (inRow * cellWidth) + ((inRow - 1) * Gap);
            int x = LayoutGeometry.EvenDown((canvas.Width - rowWidth) / 2);
            int y = top + (row * (cellHeight + Gap));
            for (int column = 0; column < inRow; column++)
            {
                tiles[first + column] = new LayoutTile(tileIds[first + column],
                    new PixelRect(x + (column * (cellWidth + Gap)), y, cellWidth, cellHeight));
            }
        }
        return count;
    }
}
