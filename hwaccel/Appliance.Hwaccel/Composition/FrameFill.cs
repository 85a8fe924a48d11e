using Appliance.Hwaccel.Frames;

namespace Appliance.Hwaccel.Composition;

/// <summary>Paints rectangles of a frame in one colour (backgrounds, borders, empty tiles).</summary>
public static class FrameFill
{
    /// <summary>Fills <paramref name="rect"/> (clipped to the frame). Chroma covers every 2×2 block the rectangle touches.</summary>
    public static void Fill(VideoFrame frame, PixelRect rect, YuvColor color)
    {
        rect = rect.ClipTo(frame.Width, frame.Height);
        if (rect.IsEmpty)
        {
            return;
        }
        Span<byte> y = frame.Y;
        int strideY = frame.Stride(0);
        for (int row = rect.Y; row < rect.Bottom; row++)
        {
            y.Slice((row * strideY) + rect.X, rect.Width).Fill(color.Y);
        }
        int cx = rect.X / 2, cy = rect.Y / 2;
        int cRight = (rect.Right + 1) / 2, cBottom = (rect.Bottom + 1) / 2;
        int strideC = frame.Stride(1);
        if (frame.Format == VideoPixelFormat.I420)
        {
            Span<byte> u = frame.U, v = frame.V;
            for (int row = cy; row < cBottom; row++)
            {
                u.Slice((row * strideC) + cx, cRight - cx).Fill(color.U);
                v.Slice((row * strideC) + cx, cRight - cx).Fill(color.V);
            }
        }
        else
        {
            Span<byte> uv = frame.UV;
            for (int row = cy; row < cBottom; row++)
            {
                Span<byte> line = uv.Slice((row * strideC) + (2 * cx), 2 * (cRight - cx));
                for (int i = 0; i < line.Length; i += 2)
                {
                    line[i] = color.U;
                    line[i + 1] = color.V;
                }
            }
        }
    }

    /// <summary>Fills the whole frame.</summary>
    public static void Clear(VideoFrame frame, YuvColor color) => Fill(frame, new PixelRect(0, 0, frame.Width, frame.Height), color);
}
