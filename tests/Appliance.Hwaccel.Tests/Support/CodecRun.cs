using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;

namespace Appliance.Hwaccel.Tests.Support;

/// <summary>One encoded frame kept by a test: its bytes, keyframe flag and the source frame index.</summary>
public sealed record EncodedSample(int Index, byte[] Data, bool IsKeyframe, long Timestamp);

/// <summary>Drives an encoder over the moving test pattern and keeps what comes out.</summary>
public static class CodecRun
{
    public static readonly VideoFramePool Pool = new();

    /// <summary>Encodes frames 0..count-1; <paramref name="beforeFrame"/> runs before each (request keyframes, change bitrate).</summary>
    public static List<EncodedSample> Encode(IVideoEncoder encoder, int count, Action<int>? beforeFrame = null,
        Action<VideoFrame, int>? paint = null)
    {
        var samples = new List<EncodedSample>();
        EncoderSettings s = encoder.Settings;
        for (int i = 0; i < count; i++)
        {
            beforeFrame?.Invoke(i);
            using VideoFrame frame = Pool.Rent(s.InputFormat, s.Width, s.Height);
            (paint ?? ((f, n) => TestPattern.Fill(f, n, s.FrameRate)))(frame, i);
            frame.Timestamp = (long)i * 90_000 / s.FrameRate;
            encoder.Encode(frame);
            while (encoder.TryReceive(out EncodedFrame? encoded))
            {
                samples.Add(new EncodedSample(i, encoded.Data.ToArray(), encoded.IsKeyframe, encoded.Timestamp));
                encoded.Dispose();
            }
        }
        return samples;
    }

    /// <summary>Decodes samples, returning (sample index, picture) pairs; the caller disposes the pictures.</summary>
    public static List<(int Index, VideoFrame Frame)> Decode(IVideoDecoder decoder, IEnumerable<EncodedSample> samples)
    {
        var pictures = new List<(int, VideoFrame)>();
        foreach (EncodedSample sample in samples)
        {
            decoder.Decode(sample.Data, sample.Timestamp);
            while (decoder.TryReceive(out VideoFrame? frame))
            {
                pictures.Add((sample.Index, frame));
            }
        }
        return pictures;
    }

    /// <summary>The test pattern frame <paramref name="index"/> at a size, for comparison (caller disposes).</summary>
    public static VideoFrame Reference(int width, int height, int index, int fps = 30)
    {
        VideoFrame frame = Pool.Rent(VideoPixelFormat.I420, width, height);
        TestPattern.Fill(frame, index, fps);
        return frame;
    }

    /// <summary>The test pattern with fresh noise every frame: detail that uses every bit a rate control allows.</summary>
    public static void PaintNoise(VideoFrame frame, int index)
    {
        TestPattern.Fill(frame, index);
        uint state = 2463534242u + (uint)index * 7919u;
        for (int plane = 0; plane < frame.Layout.PlaneCount; plane++)
        {
            Span<byte> data = frame.Plane(plane);
            for (int i = 0; i < data.Length; i++)
            {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                data[i] = (byte)(data[i] + (int)(state % 16) - 8);
            }
        }
    }
}
