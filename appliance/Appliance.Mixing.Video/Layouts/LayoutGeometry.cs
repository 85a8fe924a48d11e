using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Composition;

namespace Appliance.Mixing.Video.Layouts;

/// <summary>Arithmetic the layouts share: even rounding and fitting rectangles of the canvas aspect.</summary>
internal static class LayoutGeometry
{
    /// <summary>Rounds down to an even number (never below zero).</summary>
    public static int EvenDown(int value) => Math.Max(0, value & ~1);

    /// <summary>
    /// The largest even-sized cell of the canvas aspect ratio that fits <paramref name="maxWidth"/> × <paramref name="maxHeight"/>.
    /// </summary>
    public static (int Width, int Height) FitCanvasAspect(VideoResolution canvas, int maxWidth, int maxHeight)
    {
        if (maxWidth <= 0 || maxHeight <= 0)
        {
            return (0, 0);
        }
        // Width limited by the height: maxHeight * W / H; take the smaller of the two limits.
        long widthFromHeight = (long)maxHeight * canvas.Width / canvas.Height;
        int width = EvenDown((int)Math.Min(maxWidth, widthFromHeight));
        int height = EvenDown((int)((long)width * canvas.Height / canvas.Width));
        return height == 0 ? (0, 0) : (width, height);
    }

    /// <summary>
    /// Lays every id except the one at <paramref name="skipIndex"/> (the focus; -1 skips none) as equal cells of the canvas
    /// aspect in a row (<paramref name="horizontal"/>) or a column centred in <paramref name="area"/>, with
    /// <paramref name="gap"/> pixels around and between them. Writes the tiles in id order from <c>tiles[0]</c>.
    /// </summary>
    public static int Strip(ReadOnlySpan<string> ids, int skipIndex, PixelRect area, bool horizontal, int gap,
        VideoResolution canvas, Span<LayoutTile> tiles)
    {
        int count = ids.Length - (skipIndex >= 0 ? 1 : 0);
        if (count <= 0)
        {
            return 0;
        }
        (int cellWidth, int cellHeight) = horizontal
            ? FitCanvasAspect(canvas, (area.Width - (gap * (count + 1))) / count, area.Height - (2 * gap))
            : FitCanvasAspect(canvas, area.Width - (2 * gap), (area.Height - (gap * (count + 1))) / count);
        int along = horizontal ? (count * cellWidth) + ((count - 1) * gap) : (count * cellHeight) + ((count - 1) * gap);
        int x = area.X + EvenDown((area.Width - (horizontal ? along : cellWidth)) / 2);
        int y = area.Y + EvenDown((area.Height - (horizontal ? cellHeight : along)) / 2);
        int written = 0;
        for (int i = 0; i < ids.Length; i++)
        {
            if (i == skipIndex)
            {
                continue;
            }
            tiles[written++] = new LayoutTile(ids[i], new PixelRect(x, y, cellWidth, cellHeight));
            if (horizontal)
            {
                x += cellWidth + gap;
            }
            else
            {
                y += cellHeight + gap;
            }
        }
        return written;
    }

    /// <summary>Index of <paramref name="focusId"/> among the ids, or 0 when it is null or absent.</summary>
    public static int FocusIndex(ReadOnlySpan<string> ids, string? focusId)
    {
        if (focusId is not null)
        {
            for (int i = 0; i < ids.Length; i++)
            {
                if (string.Equals(ids[i], focusId, StringComparison.Ordinal))
                {
                    return i;
                }
            }
        }
        return 0;
    }

    public static void CheckCanvas(VideoResolution canvas)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(canvas.Width, 2, nameof(canvas));
        ArgumentOutOfRangeException.ThrowIfLessThan(canvas.Height, 2, nameof(canvas));
    }
}
