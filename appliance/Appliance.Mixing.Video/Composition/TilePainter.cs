using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;

namespace Appliance.Mixing.Video.Composition;

/// <summary>
/// Draws one tile into the canvas: a participant's picture fitted to the tile, the name placeholder, and the name label.
/// Allocation-free: crops go through frames rented from the pool and returned at once.
/// </summary>
internal sealed class TilePainter(CompositorOptions options, VideoFramePool pool)
{
    private const int LabelMargin = 4;

    /// <summary>Scales <paramref name="picture"/> into <paramref name="tile"/>. Returns false when the scaler failed.</summary>
    public bool PaintPicture(VideoFrame canvas, PixelRect tile, VideoFrame picture, FrameScaler scaler, AspectMode mode)
    {
        TileFit fit = TileFit.Compute(picture.Width, picture.Height, tile, mode);
        if (fit.Destination.IsEmpty)
        {
            return true; // nothing to draw into
        }
        if (fit.Destination != tile.AlignEven())
        {
            FrameFill.Fill(canvas, tile, options.LetterboxBars);
        }
        if (fit.UsesWholeSource(picture.Width, picture.Height))
        {
            return scaler.ScaleInto(picture, canvas, fit.Destination);
        }
        VideoFrame cropped = pool.Rent(picture.Format, fit.SourceCrop.Width, fit.SourceCrop.Height);
        try
        {
            FrameRegion.Copy(picture, fit.SourceCrop, cropped);
            return scaler.ScaleInto(cropped, canvas, fit.Destination);
        }
        finally
        {
            cropped.Dispose();
        }
    }

    /// <summary>
    /// The tile of someone without video: the placeholder colour with the display name large in the middle of the part of
    /// the tile above the name label.
    /// </summary>
    public void PaintPlaceholder(VideoFrame canvas, PixelRect tile, ReadOnlySpan<char> name)
    {
        FrameFill.Fill(canvas, tile, options.Placeholder);
        if (name.IsEmpty)
        {
            return;
        }
        var area = new PixelRect(tile.X, tile.Y, tile.Width, tile.Height - LabelBand(tile, name));
        // The largest integer glyph scale at which the name spans at most 3/4 of the area's width and 1/4 of its height.
        int lineWidthAtOne = (name.Length * BitmapFont.CellWidth) - 1;
        int scale = Math.Clamp(Math.Min(area.Width * 3 / 4 / lineWidthAtOne, area.Height / 4 / BitmapFont.GlyphHeight), 1, 8);
        int padding = 2 * scale;
        ReadOnlySpan<char> text = Fit(name, area.Width, scale, padding);
        if (text.IsEmpty)
        {
            return;
        }
        (int width, int height) = TextLabel.Measure(text, scale, padding);
        if (height > area.Height)
        {
            return;
        }
        int x = area.X + ((area.Width - width) / 2 & ~1), y = area.Y + ((area.Height - height) / 2 & ~1);
        TextLabel.Draw(canvas, x, y, text, options.PlaceholderText, options.Placeholder, scale, padding);
    }

    /// <summary>The participant's name in a small box at the bottom left of the tile, cut to the tile's width.</summary>
    public void PaintLabel(VideoFrame canvas, PixelRect tile, ReadOnlySpan<char> name)
    {
        if (!TryPlaceLabel(tile, name, out ReadOnlySpan<char> text, out int scale, out int x, out int y))
        {
            return;
        }
        TextLabel.Draw(canvas, x, y, text, options.LabelText, options.LabelBackground, scale, 2 * scale);
    }

    /// <summary>Height at the bottom of the tile the name label and its margins take (0 without a label).</summary>
    private int LabelBand(PixelRect tile, ReadOnlySpan<char> name) =>
        TryPlaceLabel(tile, name, out _, out _, out _, out int y) ? tile.Bottom - y + LabelMargin : 0;

    private bool TryPlaceLabel(PixelRect tile, ReadOnlySpan<char> name, out ReadOnlySpan<char> text, out int scale, out int x, out int y)
    {
        scale = tile.Height >= 300 ? 2 : 1;
        int padding = 2 * scale;
        text = options.ShowNameLabels ? Fit(name, tile.Width - (2 * LabelMargin), scale, padding) : [];
        (_, int height) = TextLabel.Measure(text, scale, padding);
        x = (tile.X + LabelMargin) & ~1;
        y = (tile.Bottom - LabelMargin - height) & ~1;
        return !text.IsEmpty && height + (2 * LabelMargin) <= tile.Height;
    }

    /// <summary>The longest prefix of <paramref name="text"/> whose label box fits <paramref name="width"/>.</summary>
    private static ReadOnlySpan<char> Fit(ReadOnlySpan<char> text, int width, int scale, int padding)
    {
        // Box width = n * CellWidth * scale - scale + 2 * padding (TextLabel.Measure), solved for n.
        int characters = (width - (2 * padding) + scale) / (BitmapFont.CellWidth * scale);
        return characters <= 0 ? [] : text[..Math.Min(characters, text.Length)];
    }
}
