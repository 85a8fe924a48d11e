using Appliance.Hwaccel.Frames;

namespace Appliance.Conference;

/// <summary>
/// A small RGB copy of the meeting's composed picture for the admin console's live view,
/// refreshed about once a second from the media clock's tick. The buffer is allocated once;
/// capturing samples the I420 canvas (nearest pixel) and converts BT.601 limited-range YUV
/// to RGB, without allocating.
/// </summary>
public sealed class MixThumbnail
{
    public const int Width = 320;
    public const int Height = 180;

    private readonly byte[] _rgb = new byte[Width * Height * 3];
    private readonly Lock _gate = new();
    private long _captures;

    /// <summary>True once a picture has been captured.</summary>
    public bool HasPicture => Interlocked.Read(ref _captures) > 0;

    /// <summary>Takes a copy when <paramref name="tick"/> is a multiple of <paramref name="everyTicks"/>.</summary>
    public void Capture(VideoFrame canvas, long tick, int everyTicks)
    {
        if (everyTicks > 1 && tick % everyTicks != 0)
            return;
        if (canvas.Format != VideoPixelFormat.I420)
            return;
        var y = canvas.Y;
        var u = canvas.U;
        var v = canvas.V;
        int yStride = canvas.Stride(0), uStride = canvas.Stride(1), vStride = canvas.Stride(2);
        lock (_gate)
        {
            for (var row = 0; row < Height; row++)
            {
                var sy = row * canvas.Height / Height;
                for (var col = 0; col < Width; col++)
                {
                    var sx = col * canvas.Width / Width;
                    // ITU-R BT.601, studio swing: R = 1.164(Y-16) + 1.596(V-128), …
                    var c = 298 * (y[sy * yStride + sx] - 16);
                    var d = u[sy / 2 * uStride + sx / 2] - 128;
                    var e = v[sy / 2 * vStride + sx / 2] - 128;
                    var o = (row * Width + col) * 3;
                    _rgb[o] = Clamp((c + 409 * e + 128) >> 8);
                    _rgb[o + 1] = Clamp((c - 100 * d - 208 * e + 128) >> 8);
                    _rgb[o + 2] = Clamp((c + 516 * d + 128) >> 8);
                }
            }
        }
        Interlocked.Increment(ref _captures);
    }

    /// <summary>Copies the last picture (RGB, 3 bytes a pixel, rows top to bottom) into <paramref name="destination"/>.</summary>
    public bool CopyTo(Span<byte> destination)
    {
        if (!HasPicture)
            return false;
        lock (_gate)
            _rgb.CopyTo(destination);
        return true;
    }

    private static byte Clamp(int value) => (byte)Math.Clamp(value, 0, 255);
}
