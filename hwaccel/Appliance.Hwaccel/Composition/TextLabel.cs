using Appliance.Hwaccel.Frames;

namespace Appliance.Hwaccel.Composition;

/// <summary>
/// Draws a one-line text label (a participant's name) with a background box into a frame, using
/// <see cref="BitmapFont"/> scaled by an integer factor. Luma carries the glyph shapes; chroma takes the
/// text colour where a 2×2 block is mostly lit, so coloured text stays crisp. Allocation-free.
/// </summary>
public static class TextLabel
{
    /// <summary>Size of the box <see cref="Draw"/> paints for this text.</summary>
    public static (int Width, int Height) Measure(ReadOnlySpan<char> text, int scale, int padding)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        int width = (text.Length * BitmapFont.CellWidth * scale) - (text.IsEmpty ? 0 : scale) + (2 * padding);
        int height = (BitmapFont.GlyphHeight * scale) + (2 * padding);
        return (width, height);
    }

    /// <summary>
    /// Paints the background box at (<paramref name="x"/>, <paramref name="y"/>) and the text inside it, clipped to the
    /// frame. Returns the box.
    /// </summary>
    public static PixelRect Draw(VideoFrame frame, int x, int y, ReadOnlySpan<char> text, YuvColor foreground,
        YuvColor background, int scale = 2, int padding = 4)
    {
        (int width, int height) = Measure(text, scale, padding);
        var box = new PixelRect(x, y, width, height);
        FrameFill.Fill(frame, box, background);
        Span<byte> luma = frame.Y;
        int strideY = frame.Stride(0);
        int originY = y + padding;
        for (int i = 0; i < text.Length; i++)
        {
            int originX = x + padding + (i * BitmapFont.CellWidth * scale);
            for (int row = 0; row < BitmapFont.GlyphHeight * scale; row++)
            {
                int py = originY + row;
                if ((uint)py >= (uint)frame.Height)
                {
                    continue;
                }
                for (int col = 0; col < BitmapFont.GlyphWidth * scale; col++)
                {
                    int px = originX + col;
                    if ((uint)px < (uint)frame.Width && BitmapFont.IsLit(text[i], col / scale, row / scale))
                    {
                        luma[(py * strideY) + px] = foreground.Y;
                    }
                }
            }
        }
        PaintChroma(frame, box.ClipTo(frame.Width, frame.Height), foreground);
        return box;
    }

    /// <summary>Gives the text colour to every 2×2 block inside the box whose luma is mostly the text's.</summary>
    private static void PaintChroma(VideoFrame frame, PixelRect box, YuvColor foreground)
    {
        Span<byte> luma = frame.Y;
        int strideY = frame.Stride(0), strideC = frame.Stride(1);
        bool planar = frame.Format == VideoPixelFormat.I420;
        Span<byte> first = frame.Plane(1);
        Span<byte> second = planar ? frame.Plane(2) : first;
        for (int cy = box.Y / 2; cy < (box.Bottom + 1) / 2; cy++)
        {
            for (int cx = box.X / 2; cx < (box.Right + 1) / 2; cx++)
            {
                int lit = 0;
                for (int dy = 0; dy < 2; dy++)
                {
                    for (int dx = 0; dx < 2; dx++)
                    {
                        int px = (2 * cx) + dx, py = (2 * cy) + dy;
                        if (px < frame.Width && py < frame.Height && luma[(py * strideY) + px] == foreground.Y)
                        {
                            lit++;
                        }
                    }
                }
                if (lit < 2)
                {
                    continue;
                }
                if (planar)
                {
                    first[(cy * strideC) + cx] = foreground.U;
                    second[(cy * strideC) + cx] = foreground.V;
                }
                else
                {
                    first[(cy * strideC) + (2 * cx)] = foreground.U;
                    first[(cy * strideC) + (2 * cx) + 1] = foreground.V;
                }
            }
        }
    }
}
