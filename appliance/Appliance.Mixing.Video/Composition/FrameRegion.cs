using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;

namespace Appliance.Mixing.Video.Composition;

/// <summary>
/// Copies rectangles between frames of the same format: the compositor crops with <see cref="Copy"/> before
/// <see cref="FrameScaler"/>, which scales whole frames only.
/// </summary>
public static class FrameRegion
{
    /// <summary>
    /// Copies <paramref name="region"/> (even coordinates, inside <paramref name="source"/>) into <paramref name="destination"/>,
    /// which must have the region's size and the source's format.
    /// </summary>
    public static void Copy(VideoFrame source, PixelRect region, VideoFrame destination)
    {
        if (region.X < 0 || region.Y < 0 || region.Right > source.Width || region.Bottom > source.Height
            || (region.X | region.Y) % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(region), $"{region} is not an even rectangle of the {source.Width}x{source.Height} source");
        }
        if (destination.Width != region.Width || destination.Height != region.Height || destination.Format != source.Format)
        {
            throw new ArgumentException("the destination must have the region's size and the source's format", nameof(destination));
        }
        CopyPlane(source.Y, source.Stride(0), destination.Y, destination.Stride(0), region.X, region.Y, region.Width, region.Height);
        int chromaRows = destination.Layout.ChromaHeight, cx = region.X / 2, cy = region.Y / 2;
        if (source.Format == VideoPixelFormat.I420)
        {
            int chromaWidth = destination.Layout.ChromaWidth;
            CopyPlane(source.U, source.Stride(1), destination.U, destination.Stride(1), cx, cy, chromaWidth, chromaRows);
            CopyPlane(source.V, source.Stride(2), destination.V, destination.Stride(2), cx, cy, chromaWidth, chromaRows);
        }
        else
        {
            int bytes = 2 * destination.Layout.ChromaWidth; // interleaved Cb/Cr pairs
            CopyPlane(source.UV, source.Stride(1), destination.UV, destination.Stride(1), 2 * cx, cy, bytes, chromaRows);
        }
        destination.Timestamp = source.Timestamp;
    }

    private static void CopyPlane(ReadOnlySpan<byte> from, int fromStride, Span<byte> to, int toStride, int x, int y, int bytes, int rows)
    {
        for (int row = 0; row < rows; row++)
        {
            from.Slice(((y + row) * fromStride) + x, bytes).CopyTo(to.Slice(row * toStride, bytes));
        }
    }
}
