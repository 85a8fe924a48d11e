namespace Appliance.Testing.FakeMedia;

/// <summary>An 8-bit sRGB colour, as a canvas in the browser reads it back.</summary>
public readonly record struct RgbColour(byte R, byte G, byte B)
{
    /// <summary>Euclidean distance in RGB space (0 for equal colours, about 441 for black to white).</summary>
    public double DistanceTo(RgbColour other)
    {
        var dr = R - other.R;
        var dg = G - other.G;
        var db = B - other.B;
        return Math.Sqrt(dr * dr + dg * dg + db * db);
    }

    /// <summary>BT.601 luma of the colour, 0-255 (full range).</summary>
    public double Luma => 0.299 * R + 0.587 * G + 0.114 * B;

    public override string ToString() => $"rgb({R}, {G}, {B})";
}
