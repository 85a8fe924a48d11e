using Appliance.Devices.Display;
using CsCheck;

namespace Appliance.Devices.Tests.Display;

public sealed class FontAndBitmapTests
{
    [Fact]
    public void Every_defined_glyph_is_distinct_so_text_can_be_read_back()
    {
        var shapes = Font5x7.Defined.Select(c => Convert.ToHexString(Font5x7.GlyphColumns(c))).ToList();

        Assert.Equal(shapes.Count, shapes.Distinct().Count());
    }

    [Fact]
    public void Small_letters_draw_as_capitals_and_unknown_characters_as_a_question_mark()
    {
        Assert.True(Font5x7.GlyphColumns('k').SequenceEqual(Font5x7.GlyphColumns('K')));
        Assert.True(Font5x7.GlyphColumns('é').SequenceEqual(Font5x7.GlyphColumns('?')));
        Assert.True(Font5x7.GlyphColumns('~').SequenceEqual(Font5x7.GlyphColumns('?')));
    }

    [Fact]
    public void Glyph_columns_hold_the_top_row_in_bit_zero()
    {
        // 'T': the top row is full, the middle column is full.
        ReadOnlySpan<byte> t = Font5x7.GlyphColumns('T');
        Assert.Equal([0x01, 0x01, 0x7F, 0x01, 0x01], t.ToArray());
    }

    [Fact]
    public void A_pixel_set_is_read_back_and_only_that_pixel_changes()
    {
        Gen.Select(Gen.Int[-10, 140], Gen.Int[-10, 80]).Sample((x, y) =>
        {
            var bitmap = new MonoBitmap();
            bitmap.SetPixel(x, y, true);
            bool inside = x is >= 0 and < MonoBitmap.Width && y is >= 0 and < MonoBitmap.Height;
            int lit = bitmap.Bytes.ToArray().Sum(b => System.Numerics.BitOperations.PopCount(b));
            return bitmap.GetPixel(x, y) == inside && lit == (inside ? 1 : 0);
        });
    }

    [Fact]
    public void Text_past_the_right_edge_is_clipped()
    {
        var bitmap = new MonoBitmap();

        int end = TextRenderer.DrawText(bitmap, 120, 0, "WW");

        Assert.Equal(132, end);
        Assert.True(bitmap.GetPixel(120, 0)); // 'W' starts with a full column
    }
}
