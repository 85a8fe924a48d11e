using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;

namespace Appliance.Mixing.Video.Composition;

/// <summary>
/// Copies rectangles between frames of the same format. The compositor crops with <see cref="Copy"/> before
/// <see cref="FrameScaler"/> (which scales whole frames only) and places scaled tiles with <see cref="Paste"/>.
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

    /// <summary>
    /// Copies the whole of <paramref name="tile"/> into <paramref name="canvas"/> (same format) with its top-left corner at the even
    /// point (<paramref name="x"/>, <paramref name="y"/>); the tile must lie inside the canvas.
    /// </summary>
    public static void Paste(VideoFrame tile, VideoFrame canvas, int x, int y)
    {
        if (x < 0 || y < 0 || x + tile.Width > canvas.Width || y + tile.Height > canvas.Height || (x | y | tile.Width | tile.Height) % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tile), $"{tile.Width}x{tile.Height} at ({x},{y}) is not an even rectangle of the canvas");
        }
        if (tile.Format != canvas.Format)
        {
            throw new ArgumentException("the tile must have the canvas's format", nameof(tile));
        }
        PastePlane(tile.Y, tile.Stride(0), canvas.Y, canvas.Stride(0), x, y, tile.Width, tile.Height);
        int chromaRows = tile.Layout.ChromaHeight;
        if (tile.Format == VideoPixelFormat.I420)
        {
            int chromaWidth = tile.Layout.ChromaWidth;
            PastePlane(tile.U, tile.Stride(1), canvas.U, canvas.Stride(1), x / 2, y / 2, chromaWidth, chromaRows);
            PastePlane(tile.V, tile.Stride(2), canvas.V, canvas.Stride(2), x / 2, y / 2, chromaWidth, chromaRows);
        }
        else
        {
            PastePlane(tile.UV, tile.Stride(1), canvas.UV, canvas.Stride(1), x, y / 2, 2 * tile.Layout.ChromaWidth, chromaRows);
        }
    }

    private static void PastePlane(ReadOnlySpan<byte> from, int fromStride, Span<byte> to, int toStride, int x, int y, int bytes, int rows)
    {
        for (int row = 0; row < rows; row++)
        {
            from.Slice(row * fromStride, bytes).CopyTo(to.Slice(((y + row) * toStride) + x, bytes));
        }
    }

    private static void CopyPlane(ReadOnlySpan<byte> from, int fromStride, Span<byte> to, int toStride, int x, int y, int bytes, int rows)
    {
        for (int row = 0; row < rows; row++)
        {
            from.Slice(((y + row) * fromStride) + x, bytes).CopyTo(to.Slice(row * toStride, bytes));
        }
    }
}
