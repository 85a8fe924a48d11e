using Appliance.Hwaccel.Composition;

namespace Appliance.Mixing.Video.Composition;

/// <summary>
/// Which part of a source picture goes where in a tile. <see cref="SourceCrop"/> is in source pixels,
/// <see cref="Destination"/> in canvas pixels; both have even coordinates and sizes (4:2:0).
/// </summary>
public readonly record struct TileFit(PixelRect SourceCrop, PixelRect Destination)
{
    /// <summary>Whether the whole source is used (no crop to apply before scaling).</summary>
    public bool UsesWholeSource(int sourceWidth, int sourceHeight) =>
        SourceCrop.X == 0 && SourceCrop.Y == 0 && SourceCrop.Width == (sourceWidth & ~1) && SourceCrop.Height == (sourceHeight & ~1);

    /// <summary>
    /// Fits a <paramref name="sourceWidth"/> × <paramref name="sourceHeight"/> picture into <paramref name="tile"/>.
    /// Letterbox: the whole source, scaled to the largest rectangle of its aspect inside the tile, centred.
    /// Crop: the whole tile, from the largest centred part of the source that has the tile's aspect.
    /// </summary>
    public static TileFit Compute(int sourceWidth, int sourceHeight, PixelRect tile, AspectMode mode)
    {
        int sw = sourceWidth & ~1, sh = sourceHeight & ~1;
        PixelRect target = tile.AlignEven();
        if (sw <= 0 || sh <= 0 || target.IsEmpty)
        {
            return new TileFit(default, default);
        }
        var whole = new PixelRect(0, 0, sw, sh);
        // Compare the aspect ratios sw/sh and tw/th without division: sw * th against tw * sh.
        long sourceWide = (long)sw * target.Height, tileWide = (long)target.Width * sh;
        if (mode == AspectMode.Letterbox)
        {
            int width = target.Width, height = target.Height;
            if (sourceWide > tileWide)
            {
                height = Even((int)((long)target.Width * sh / sw)); // full width, bars above and below
            }
            else if (sourceWide < tileWide)
            {
                width = Even((int)((long)target.Height * sw / sh)); // full height, bars left and right
            }
            var destination = new PixelRect(target.X + Even((target.Width - width) / 2), target.Y + Even((target.Height - height) / 2), width, height);
            return new TileFit(whole, destination);
        }
        int cropWidth = sw, cropHeight = sh;
        if (sourceWide > tileWide)
        {
            cropWidth = Even((int)((long)sh * target.Width / target.Height)); // source wider than tile: cut the sides
        }
        else if (sourceWide < tileWide)
        {
            cropHeight = Even((int)((long)sw * target.Height / target.Width)); // source taller: cut top and bottom
        }
        var crop = new PixelRect(Even((sw - cropWidth) / 2), Even((sh - cropHeight) / 2), cropWidth, cropHeight);
        return new TileFit(crop, target);
    }

    private static int Even(int value) => Math.Max(0, value & ~1);
}
