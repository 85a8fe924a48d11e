using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;

namespace Appliance.Mixing.Video.Tests.Support;

/// <summary>Test pictures and pixel reads.</summary>
internal static class Frames
{
    public static readonly YuvColor Red = YuvColor.FromRgb(220, 30, 30);
    public static readonly YuvColor Green = YuvColor.FromRgb(30, 200, 60);
    public static readonly YuvColor Blue = YuvColor.FromRgb(40, 60, 220);
    public static readonly YuvColor Yellow = YuvColor.FromRgb(230, 210, 40);

    public static VideoFrame Solid(VideoFramePool pool, int width, int height, YuvColor color,
        VideoPixelFormat format = VideoPixelFormat.I420)
    {
        VideoFrame frame = pool.Rent(format, width, height);
        FrameFill.Clear(frame, color);
        return frame;
    }

    /// <summary>The colour at (x, y): its luma and the chroma of its 2×2 block.</summary>
    public static YuvColor At(VideoFrame frame, int x, int y)
    {
        byte luma = frame.Y[(y * frame.Stride(0)) + x];
        int c = (y / 2 * frame.Stride(1));
        return frame.Format == VideoPixelFormat.I420
            ? new YuvColor(luma, frame.U[c + (x / 2)], frame.V[c + (x / 2)])
            : new YuvColor(luma, frame.UV[c + (2 * (x / 2))], frame.UV[c + (2 * (x / 2)) + 1]);
    }

    public static YuvColor Centre(VideoFrame frame, PixelRect rect) => At(frame, rect.X + (rect.Width / 2), rect.Y + (rect.Height / 2));

    /// <summary>Pixels of <paramref name="rect"/> whose luma differs from <paramref name="color"/>'s.</summary>
    public static int LumaDifferent(VideoFrame frame, PixelRect rect, YuvColor color)
    {
        int count = 0;
        for (int y = rect.Y; y < rect.Bottom; y++)
        {
            for (int x = rect.X; x < rect.Right; x++)
            {
                count += frame.Y[(y * frame.Stride(0)) + x] != color.Y ? 1 : 0;
            }
        }
        return count;
    }
}
