namespace Appliance.Hwaccel.Composition;

/// <summary>A rectangle of a picture in pixels.</summary>
public readonly record struct PixelRect(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;

    public bool IsEmpty => Width <= 0 || Height <= 0;

    /// <summary>The part of this rectangle inside a width × height picture.</summary>
    public PixelRect ClipTo(int width, int height)
    {
        int x = Math.Clamp(X, 0, width), y = Math.Clamp(Y, 0, height);
        int right = Math.Clamp(Right, 0, width), bottom = Math.Clamp(Bottom, 0, height);
        return new PixelRect(x, y, Math.Max(0, right - x), Math.Max(0, bottom - y));
    }

    /// <summary>Snapped inwards to even coordinates and sizes, as 4:2:0 chroma needs for exact placement.</summary>
    public PixelRect AlignEven()
    {
        int x = (X + 1) & ~1, y = (Y + 1) & ~1;
        int right = Right & ~1, bottom = Bottom & ~1;
        return new PixelRect(x, y, Math.Max(0, right - x), Math.Max(0, bottom - y));
    }
}
