using Appliance.Devices.Display;
using Appliance.Devices.Simulation;

namespace Appliance.Devices.Tests.Support;

/// <summary>
/// Reads text back out of the simulated display RAM by matching each 6x8 cell against the
/// font's glyphs: what a person would read off the panel.
/// </summary>
public static class ScreenReader
{
    public static string Read(SimulatedSsd1306 panel, int x, int y, int characters, int scale = 1)
    {
        var text = new char[characters];
        for (int i = 0; i < characters; i++)
        {
            int cellX = x + i * Font5x7.CellWidth * scale;
            text[i] = Recognise(panel, cellX, y, scale);
        }

        return new string(text);
    }

    private static char Recognise(SimulatedSsd1306 panel, int x, int y, int scale)
    {
        Span<byte> seen = stackalloc byte[Font5x7.GlyphWidth];
        for (int column = 0; column < Font5x7.GlyphWidth; column++)
        {
            for (int row = 0; row < Font5x7.GlyphHeight; row++)
            {
                int px = x + column * scale;
                int py = y + row * scale;
                if (px < MonoBitmap.Width && py < MonoBitmap.Height && panel.GetPixel(px, py))
                {
                    seen[column] |= (byte)(1 << row);
                }
            }
        }

        foreach (char c in Font5x7.Defined)
        {
            if (Font5x7.GlyphColumns(c).SequenceEqual(seen))
            {
                return c;
            }
        }

        return '\uFFFD';
    }
}
