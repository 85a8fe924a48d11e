namespace Appliance.Devices.Display;

/// <summary>
/// A tiny 5x7 font drawn in a 6x8 cell (one blank column and one blank row as spacing): 21
/// characters by 8 lines on a 128x64 display. Digits, capital letters and the punctuation
/// an address or a code needs; small letters are drawn as capitals and anything else as '?'.
/// Glyphs are written below as pictures ('#' = pixel on) so they can be read and fixed.
/// </summary>
public static class Font5x7
{
    public const int GlyphWidth = 5;
    public const int GlyphHeight = 7;
    public const int CellWidth = 6;
    public const int CellHeight = 8;

    private const char First = ' ';
    private const char Last = '~';

    // Five column bytes per character from ' ' to '~'; bit 0 of a column is the top row.
    private static readonly byte[] Columns = Build();

    /// <summary>The characters that have a glyph of their own.</summary>
    public static IEnumerable<char> Defined => Glyphs().Select(g => g.Char);

    /// <summary>
    /// The glyph's five columns, bit 0 at the top. Small letters map to capitals and
    /// characters without a glyph to '?'.
    /// </summary>
    public static ReadOnlySpan<byte> GlyphColumns(char c)
    {
        if (c is >= 'a' and <= 'z')
        {
            c = (char)(c - 'a' + 'A');
        }

        if (c < First || c > Last || !HasOwnGlyph(c))
        {
            c = '?';
        }

        return Columns.AsSpan((c - First) * GlyphWidth, GlyphWidth);
    }

    private static bool HasOwnGlyph(char c)
    {
        ReadOnlySpan<byte> glyph = Columns.AsSpan((c - First) * GlyphWidth, GlyphWidth);
        return c == ' ' || glyph.ContainsAnyExcept((byte)0);
    }

    private static byte[] Build()
    {
        var columns = new byte[(Last - First + 1) * GlyphWidth];
        foreach ((char c, string[] rows) in Glyphs())
        {
            if (rows.Length != GlyphHeight || rows.Any(r => r.Length != GlyphWidth))
            {
                throw new InvalidOperationException($"Glyph '{c}' is not {GlyphWidth}x{GlyphHeight}.");
            }

            for (int y = 0; y < GlyphHeight; y++)
            {
                for (int x = 0; x < GlyphWidth; x++)
                {
                    if (rows[y][x] == '#')
                    {
                        columns[(c - First) * GlyphWidth + x] |= (byte)(1 << y);
                    }
                }
            }
        }

        return columns;
    }

    private static IEnumerable<(char Char, string[] Rows)> Glyphs()
    {
        yield return (' ', [".....", ".....", ".....", ".....", ".....", ".....", "....."]);
        yield return ('0', [".###.", "#...#", "#..##", "#.#.#", "##..#", "#...#", ".###."]);
        yield return ('1', ["..#..", ".##..", "..#..", "..#..", "..#..", "..#..", ".###."]);
        yield return ('2', [".###.", "#...#", "....#", "...#.", "..#..", ".#...", "#####"]);
        yield return ('3', ["#####", "...#.", "..#..", "...#.", "....#", "#...#", ".###."]);
        yield return ('4', ["...#.", "..##.", ".#.#.", "#..#.", "#####", "...#.", "...#."]);
        yield return ('5', ["#####", "#....", "####.", "....#", "....#", "#...#", ".###."]);
        yield return ('6', ["..##.", ".#...", "#....", "####.", "#...#", "#...#", ".###."]);
        yield return ('7', ["#####", "....#", "...#.", "..#..", ".#...", ".#...", ".#..."]);
        yield return ('8', [".###.", "#...#", "#...#", ".###.", "#...#", "#...#", ".###."]);
        yield return ('9', [".###.", "#...#", "#...#", ".####", "....#", "...#.", ".##.."]);
        yield return ('A', [".###.", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"]);
        yield return ('B', ["####.", "#...#", "#...#", "####.", "#...#", "#...#", "####."]);
        yield return ('C', [".###.", "#...#", "#....", "#....", "#....", "#...#", ".###."]);
        yield return ('D', ["###..", "#..#.", "#...#", "#...#", "#...#", "#..#.", "###.."]);
        yield return ('E', ["#####", "#....", "#....", "####.", "#....", "#....", "#####"]);
        yield return ('F', ["#####", "#....", "#....", "####.", "#....", "#....", "#...."]);
        yield return ('G', [".###.", "#...#", "#....", "#.###", "#...#", "#...#", ".####"]);
        yield return ('H', ["#...#", "#...#", "#...#", "#####", "#...#", "#...#", "#...#"]);
        yield return ('I', [".###.", "..#..", "..#..", "..#..", "..#..", "..#..", ".###."]);
        yield return ('J', ["..###", "...#.", "...#.", "...#.", "...#.", "#..#.", ".##.."]);
        yield return ('K', ["#...#", "#..#.", "#.#..", "##...", "#.#..", "#..#.", "#...#"]);
        yield return ('L', ["#....", "#....", "#....", "#....", "#....", "#....", "#####"]);
        yield return ('M', ["#...#", "##.##", "#.#.#", "#.#.#", "#...#", "#...#", "#...#"]);
        yield return ('N', ["#...#", "#...#", "##..#", "#.#.#", "#..##", "#...#", "#...#"]);
        yield return ('O', [".###.", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."]);
        yield return ('P', ["####.", "#...#", "#...#", "####.", "#....", "#....", "#...."]);
        yield return ('Q', [".###.", "#...#", "#...#", "#...#", "#.#.#", "#..#.", ".##.#"]);
        yield return ('R', ["####.", "#...#", "#...#", "####.", "#.#..", "#..#.", "#...#"]);
        yield return ('S', [".####", "#....", "#....", ".###.", "....#", "....#", "####."]);
        yield return ('T', ["#####", "..#..", "..#..", "..#..", "..#..", "..#..", "..#.."]);
        yield return ('U', ["#...#", "#...#", "#...#", "#...#", "#...#", "#...#", ".###."]);
        yield return ('V', ["#...#", "#...#", "#...#", "#...#", "#...#", ".#.#.", "..#.."]);
        yield return ('W', ["#...#", "#...#", "#...#", "#.#.#", "#.#.#", "#.#.#", ".#.#."]);
        yield return ('X', ["#...#", "#...#", ".#.#.", "..#..", ".#.#.", "#...#", "#...#"]);
        yield return ('Y', ["#...#", "#...#", ".#.#.", "..#..", "..#..", "..#..", "..#.."]);
        yield return ('Z', ["#####", "....#", "...#.", "..#..", ".#...", "#....", "#####"]);
        yield return ('.', [".....", ".....", ".....", ".....", ".....", ".##..", ".##.."]);
        yield return (',', [".....", ".....", ".....", ".....", ".##..", "..#..", ".#..."]);
        yield return (':', [".....", ".##..", ".##..", ".....", ".##..", ".##..", "....."]);
        yield return ('-', [".....", ".....", ".....", "#####", ".....", ".....", "....."]);
        yield return ('+', [".....", "..#..", "..#..", "#####", "..#..", "..#..", "....."]);
        yield return ('=', [".....", ".....", "#####", ".....", "#####", ".....", "....."]);
        yield return ('_', [".....", ".....", ".....", ".....", ".....", ".....", "#####"]);
        yield return ('/', [".....", "....#", "...#.", "..#..", ".#...", "#....", "....."]);
        yield return ('#', [".#.#.", ".#.#.", "#####", ".#.#.", "#####", ".#.#.", ".#.#."]);
        yield return ('(', ["...#.", "..#..", ".#...", ".#...", ".#...", "..#..", "...#."]);
        yield return (')', [".#...", "..#..", "...#.", "...#.", "...#.", "..#..", ".#..."]);
        yield return ('!', ["..#..", "..#..", "..#..", "..#..", "..#..", ".....", "..#.."]);
        yield return ('?', [".###.", "#...#", "....#", "...#.", "..#..", ".....", "..#.."]);
    }
}
