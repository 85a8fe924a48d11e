namespace Appliance.Testing.FakeMedia;

/// <summary>
/// One Y'CbCr sample in 8-bit "studio" (limited) range, as a camera and the
/// browsers' capture pipelines use it: Y' 16-235, Cb and Cr 16-240.
/// </summary>
public readonly record struct YuvColour(byte Y, byte U, byte V)
{
    /// <summary>Limited-range white: the colour of the moving marker in the fake video.</summary>
    public static readonly YuvColour White = new(235, 128, 128);

    /// <summary>
    /// ITU-R BT.601-7, section 2.5.3 (8-bit coding, R', G', B' normalised to 0..1):
    /// Y' = 16 + 219 (0.299 R' + 0.587 G' + 0.114 B');
    /// Cb = 128 + 224 (B' - Y'n) / 1.772; Cr = 128 + 224 (R' - Y'n) / 1.402.
    /// </summary>
    public static YuvColour FromRgb(RgbColour rgb)
    {
        var r = rgb.R / 255.0;
        var g = rgb.G / 255.0;
        var b = rgb.B / 255.0;
        var luma = 0.299 * r + 0.587 * g + 0.114 * b;
        return new YuvColour(
            Quantise(16 + 219 * luma),
            Quantise(128 + 224 * (b - luma) / 1.772),
            Quantise(128 + 224 * (r - luma) / 1.402));
    }

    /// <summary>The inverse of <see cref="FromRgb"/>, clamped to 0-255.</summary>
    public RgbColour ToRgb()
    {
        var luma = (Y - 16) / 219.0;
        var cb = (U - 128) / 224.0;
        var cr = (V - 128) / 224.0;
        var r = luma + 1.402 * cr;
        var b = luma + 1.772 * cb;
        var g = (luma - 0.299 * r - 0.114 * b) / 0.587;
        return new RgbColour(Quantise(255 * r), Quantise(255 * g), Quantise(255 * b));
    }

    private static byte Quantise(double value) => (byte)Math.Clamp(Math.Round(value), 0, 255);
}
