namespace Appliance.Devices.Display;

/// <summary>
/// A 128x64 one-bit picture in the SSD1306's own GDDRAM layout (datasheet 8.7): 8 pages of
/// 128 bytes; byte <c>page * 128 + x</c> holds the column of pixels y = page*8 .. page*8+7,
/// bit 0 at the top. Drawing outside the picture is clipped.
/// </summary>
public sealed class MonoBitmap
{
    public const int Width = 128;
    public const int Height = 64;
    public const int Pages = Height / 8;

    private readonly byte[] _bytes = new byte[Width * Pages];

    /// <summary>The whole picture, page after page.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    public ReadOnlySpan<byte> Page(int page) => _bytes.AsSpan(page * Width, Width);

    public void Clear() => Array.Clear(_bytes);

    public bool GetPixel(int x, int y) =>
        InRange(x, y) && (_bytes[(y >> 3) * Width + x] & (1 << (y & 7))) != 0;

    public void SetPixel(int x, int y, bool on)
    {
        if (!InRange(x, y))
        {
            return;
        }

        int index = (y >> 3) * Width + x;
        byte mask = (byte)(1 << (y & 7));
        _bytes[index] = on ? (byte)(_bytes[index] | mask) : (byte)(_bytes[index] & ~mask);
    }

    private static bool InRange(int x, int y) => (uint)x < Width && (uint)y < Height;
}
