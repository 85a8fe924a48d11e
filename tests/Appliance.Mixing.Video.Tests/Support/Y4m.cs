using System.Text;
using Appliance.Hwaccel.Frames;

namespace Appliance.Mixing.Video.Tests.Support;

/// <summary>
/// One-frame YUV4MPEG2 files (I420, "C420jpeg"), the raw format ffmpeg and ffplay read: a header line, "FRAME\n", then the
/// Y, U and V planes without padding. Used for golden pictures: <c>ffplay Goldens/name.y4m</c> shows one.
/// </summary>
internal static class Y4m
{
    public static byte[] Write(VideoFrame frame)
    {
        if (frame.Format != VideoPixelFormat.I420)
        {
            throw new ArgumentException("goldens are I420", nameof(frame));
        }
        var output = new MemoryStream();
        output.Write(Encoding.ASCII.GetBytes($"YUV4MPEG2 W{frame.Width} H{frame.Height} F30:1 Ip A1:1 C420jpeg\nFRAME\n"));
        WritePlane(output, frame.Y, frame.Stride(0), frame.Width, frame.Height);
        WritePlane(output, frame.U, frame.Stride(1), frame.Layout.ChromaWidth, frame.Layout.ChromaHeight);
        WritePlane(output, frame.V, frame.Stride(2), frame.Layout.ChromaWidth, frame.Layout.ChromaHeight);
        return output.ToArray();
    }

    private static void WritePlane(Stream output, ReadOnlySpan<byte> plane, int stride, int width, int height)
    {
        for (int row = 0; row < height; row++)
        {
            output.Write(plane.Slice(row * stride, width));
        }
    }
}
