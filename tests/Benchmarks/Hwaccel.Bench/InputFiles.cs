using System.Buffers.Binary;
using Appliance.Hwaccel.Frames;

namespace Appliance.Hwaccel.Bench;

/// <summary>Writes the inputs the ffmpeg CLI reads: packed yuv420p frames, and encoded streams (Annex B or IVF).</summary>
public static class InputFiles
{
    /// <summary>Writes frames as tightly packed yuv420p (no stride padding), the CLI's rawvideo input.</summary>
    public static void WriteRaw(string path, IReadOnlyList<VideoFrame> frames)
    {
        using var file = File.Create(path);
        foreach (VideoFrame frame in frames)
        {
            WritePlane(file, frame.Y, frame.Stride(0), frame.Width, frame.Height);
            WritePlane(file, frame.U, frame.Stride(1), frame.Layout.ChromaWidth, frame.Layout.ChromaHeight);
            WritePlane(file, frame.V, frame.Stride(1), frame.Layout.ChromaWidth, frame.Layout.ChromaHeight);
        }
    }

    private static void WritePlane(Stream output, ReadOnlySpan<byte> plane, int stride, int width, int height)
    {
        for (int row = 0; row < height; row++)
        {
            output.Write(plane.Slice(row * stride, width));
        }
    }

    /// <summary>H.264: the access units back to back (Annex B byte stream).</summary>
    public static void WriteAnnexB(string path, IEnumerable<byte[]> accessUnits)
    {
        using var file = File.Create(path);
        foreach (byte[] unit in accessUnits)
        {
            file.Write(unit);
        }
    }

    /// <summary>VP8: an IVF file (32-byte header "DKIF", then a 12-byte header per frame: size, timestamp).</summary>
    public static void WriteIvf(string path, int width, int height, int fps, IReadOnlyList<byte[]> frames)
    {
        using var file = File.Create(path);
        Span<byte> header = stackalloc byte[32];
        header.Clear();
        "DKIF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 32);
        "VP80"u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteUInt16LittleEndian(header[12..], (ushort)width);
        BinaryPrimitives.WriteUInt16LittleEndian(header[14..], (ushort)height);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)fps);
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)frames.Count);
        file.Write(header);
        Span<byte> frameHeader = stackalloc byte[12];
        for (int i = 0; i < frames.Count; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(frameHeader, (uint)frames[i].Length);
            BinaryPrimitives.WriteUInt64LittleEndian(frameHeader[4..], (ulong)i);
            file.Write(frameHeader);
            file.Write(frames[i]);
        }
    }
}
