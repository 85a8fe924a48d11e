using System.Buffers.Binary;
using Appliance.Hwaccel.Codecs;
using Appliance.LoadTool.Media;

namespace Appliance.LoadBench;

/// <summary>
/// Writes a participant's pre-encoded camera loop to a file the ffmpeg CLI reads: H.264 as its Annex B
/// elementary stream, VP8 in IVF (the container libvpx's tools use: a 32-byte file header, then a 12-byte header per
/// frame with its size and timestamp), at 30 fps, the loop <c>loops</c> times over (ffmpeg's -stream_loop cannot
/// rewind a raw H.264 stream).
/// </summary>
public static class CameraFiles
{
    public static string Write(PreEncodedVideo camera, string folder, int participant, int loops)
    {
        string path = Path.Combine(folder, camera.Codec == VideoCodec.H264 ? $"camera{participant}.h264" : $"camera{participant}.ivf");
        using var file = File.Create(path);
        if (camera.Codec == VideoCodec.H264)
        {
            for (int i = 0; i < camera.FrameCount * loops; i++)
                file.Write(camera.Frame(i % camera.FrameCount));
            return path;
        }
        Span<byte> header = stackalloc byte[32];
        "DKIF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header[4..], 0);   // version
        BinaryPrimitives.WriteUInt16LittleEndian(header[6..], 32);  // header size
        "VP80"u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteUInt16LittleEndian(header[12..], PreEncodedVideo.Width);
        BinaryPrimitives.WriteUInt16LittleEndian(header[14..], PreEncodedVideo.Height);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], PreEncodedVideo.FrameRate); // time base denominator
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 1);                         // time base numerator
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)(camera.FrameCount * loops));
        file.Write(header);
        Span<byte> frameHeader = stackalloc byte[12];
        for (int i = 0; i < camera.FrameCount * loops; i++)
        {
            ReadOnlySpan<byte> frame = camera.Frame(i % camera.FrameCount);
            BinaryPrimitives.WriteUInt32LittleEndian(frameHeader, (uint)frame.Length);
            BinaryPrimitives.WriteUInt64LittleEndian(frameHeader[4..], (ulong)i);
            file.Write(frameHeader);
            file.Write(frame);
        }
        return path;
    }
}
