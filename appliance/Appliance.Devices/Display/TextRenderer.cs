namespace Appliance.Devices.Display;

/// <summary>Draws text with <see cref="Font5x7"/> into a <see cref="MonoBitmap"/>.</summary>
public static class TextRenderer
{
    /// <summary>How many characters fit across the display at a scale.</summary>
    public static int CharactersPerLine(int scale) => MonoBitmap.Width / (Font5x7.CellWidth * scale);

    /// <summary>
    /// Draws <paramref name="text"/> with its top-left corner at (x, y), each font pixel as a
    /// scale x scale square; clipped at the edges. Returns the x after the last cell.
    /// </summary>
    public static int DrawText(MonoBitmap target, int x, int y, ReadOnlySpan<char> text, int scale = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        foreach (char c in text)
        {
            DrawGlyph(target, x, y, Font5x7.GlyphColumns(c), scale);
            x += Font5x7.CellWidth * scale;
        }

        return x;
    }

    private static void DrawGlyph(MonoBitmap target, int x, int y, ReadOnlySpan<byte> columns, int scale)
    {
        for (int column = 0; column < columns.Length; column++)
        {
            for (int row = 0; row < Font5x7.GlyphHeight; row++)
            {
                bool on = (columns[column] & (1 << row)) != 0;
                for (int dx = 0; dx < scale; dx++)
                {
                    for (int dy = 0; dy < scale; dy++)
                    {
                        target.SetPixel(x + column * scale + dx, y + row * scale + dy, on);
                    }
                }
            }
        }
    }
}
