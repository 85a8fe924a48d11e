namespace Appliance.Hwaccel.Frames;

/// <summary>
/// A deterministic moving picture for probes, conformance tests and benchmarks: smooth luma and
/// chroma gradients that drift with time and a bright square that travels across the frame, so
/// consecutive frames differ (motion for the encoder) yet compress well.
/// </summary>
public static class TestPattern
{
    /// <summary>Paints frame number <paramref name="index"/> into <paramref name="frame"/> and sets its 90 kHz timestamp.</summary>
    public static void Fill(VideoFrame frame, int index, int framesPerSecond = 30)
    {
        int width = frame.Width, height = frame.Height;
        Span<byte> y = frame.Y;
        int strideY = frame.Stride(0);
        int boxSize = Math.Max(8, height / 5);
        int boxX = (index * 7) % Math.Max(1, width - boxSize);
        int boxY = (index * 3) % Math.Max(1, height - boxSize);
        for (int row = 0; row < height; row++)
        {
            Span<byte> line = y.Slice(row * strideY, width);
            for (int col = 0; col < width; col++)
            {
                int value = 40 + ((col + (index * 2)) % width * 120 / width) + (row * 60 / height);
                bool inBox = col >= boxX && col < boxX + boxSize && row >= boxY && row < boxY + boxSize;
                line[col] = (byte)(inBox ? 235 : value);
            }
        }
        int chromaWidth = frame.Layout.ChromaWidth, chromaHeight = frame.Layout.ChromaHeight;
        int strideC = frame.Stride(1);
        bool planar = frame.Format == VideoPixelFormat.I420;
        Span<byte> uPlane = frame.Plane(1);
        Span<byte> vPlane = planar ? frame.Plane(2) : frame.Plane(1);
        for (int row = 0; row < chromaHeight; row++)
        {
            for (int col = 0; col < chromaWidth; col++)
            {
                byte u = (byte)(128 + ((col * 64 / chromaWidth) - 32));
                byte v = (byte)(128 + ((row * 64 / chromaHeight) - 32) + ((index % 32) - 16));
                if (planar)
                {
                    uPlane[(row * strideC) + col] = u;
                    vPlane[(row * strideC) + col] = v;
                }
                else
                {
                    uPlane[(row * strideC) + (2 * col)] = u;
                    uPlane[(row * strideC) + (2 * col) + 1] = v;
                }
            }
        }
        frame.Timestamp = (long)index * 90_000 / framesPerSecond;
    }
}
