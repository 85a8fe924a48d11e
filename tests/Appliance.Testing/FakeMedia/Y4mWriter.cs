using System.Text;

namespace Appliance.Testing.FakeMedia;

/// <summary>
/// Writes a YUV4MPEG2 (.y4m) file, the raw format Chromium's
/// <c>--use-file-for-fake-video-capture</c> plays (in a loop) as its camera.
/// The stream header is "YUV4MPEG2" followed by space-separated tags
/// (W width, H height, F rate num:den, I interlacing, A pixel aspect, C colour space);
/// every frame is "FRAME\n" followed by the Y, U and V planes (4:2:0: chroma planes
/// at half width and half height).
/// </summary>
public static class Y4mWriter
{
    /// <summary>
    /// A flat <paramref name="background"/> picture with a small <paramref name="marker"/>
    /// square that crosses the bottom band once per file, so consecutive frames differ.
    /// The marker never enters the top three quarters of the picture.
    /// </summary>
    public static void WriteFlatWithMovingMarker(string path, Y4mFormat format, YuvColour background, YuvColour marker)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(format.Height, 16);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        file.Write(Encoding.ASCII.GetBytes(format.StreamHeader()));

        var frame = new byte[format.FrameBytes];
        var frameMarker = "FRAME\n"u8;
        var markerSize = Math.Max(2, format.Height / 12) & ~1; // even, so it covers whole chroma samples
        var markerTop = (format.Height - markerSize - 2) & ~1;
        var travel = format.Width - markerSize;
        for (var index = 0; index < format.FrameCount; index++)
        {
            var markerLeft = (int)((long)travel * index / Math.Max(1, format.FrameCount - 1)) & ~1;
            Fill(frame, format, background);
            DrawSquare(frame, format, marker, markerLeft, markerTop, markerSize);
            file.Write(frameMarker);
            file.Write(frame);
        }
    }

    private static void Fill(Span<byte> frame, Y4mFormat format, YuvColour colour)
    {
        frame[..format.LumaBytes].Fill(colour.Y);
        frame.Slice(format.LumaBytes, format.ChromaBytes).Fill(colour.U);
        frame.Slice(format.LumaBytes + format.ChromaBytes, format.ChromaBytes).Fill(colour.V);
    }

    private static void DrawSquare(Span<byte> frame, Y4mFormat format, YuvColour colour, int left, int top, int size)
    {
        for (var row = top; row < top + size; row++)
            frame.Slice(row * format.Width + left, size).Fill(colour.Y);

        var chromaWidth = format.Width / 2;
        var u = frame.Slice(format.LumaBytes, format.ChromaBytes);
        var v = frame.Slice(format.LumaBytes + format.ChromaBytes, format.ChromaBytes);
        for (var row = top / 2; row < (top + size) / 2; row++)
        {
            u.Slice(row * chromaWidth + left / 2, size / 2).Fill(colour.U);
            v.Slice(row * chromaWidth + left / 2, size / 2).Fill(colour.V);
        }
    }
}
