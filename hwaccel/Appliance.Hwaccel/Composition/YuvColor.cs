namespace Appliance.Hwaccel.Composition;

/// <summary>A colour as BT.601 limited-range Y'CbCr (what the codecs carry).</summary>
public readonly record struct YuvColor(byte Y, byte U, byte V)
{
    public static YuvColor Black => new(16, 128, 128);

    public static YuvColor White => new(235, 128, 128);

    public static YuvColor Grey => new(126, 128, 128);

    /// <summary>
    /// From 8-bit R'G'B' (ITU-R BT.601 section 2.5.1, scaled to 8-bit limited range):
    /// Y = 16 + (65.481 R + 128.553 G + 24.966 B) / 255, Cb = 128 + (-37.797 R - 74.203 G + 112 B) / 255,
    /// Cr = 128 + (112 R - 93.786 G - 18.214 B) / 255.
    /// </summary>
    public static YuvColor FromRgb(byte r, byte g, byte b)
    {
        double y = 16 + ((65.481 * r) + (128.553 * g) + (24.966 * b)) / 255.0;
        double u = 128 + ((-37.797 * r) - (74.203 * g) + (112.0 * b)) / 255.0;
        double v = 128 + ((112.0 * r) - (93.786 * g) - (18.214 * b)) / 255.0;
        return new YuvColor(Clamp(y), Clamp(u), Clamp(v));
    }

    private static byte Clamp(double value) => (byte)Math.Clamp((int)Math.Round(value), 0, 255);
}
