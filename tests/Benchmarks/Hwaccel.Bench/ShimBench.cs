using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Providers;

namespace Appliance.Hwaccel.Bench;

/// <summary>Times the shim: encode the cycled input frames, decode what came out.</summary>
public static class ShimBench
{
    /// <summary>Time to encode <see cref="BenchCase.Frames"/> frames; the packets are returned for the decode runs.</summary>
    public static Timing Encode(SoftwareProvider software, BenchCase bench, IReadOnlyList<VideoFrame> input, List<byte[]> packets)
    {
        packets.Clear();
        using IVideoEncoder encoder = software.CreateEncoder(bench.Settings);
        return Timing.Measure(() =>
        {
            for (int i = 0; i < bench.Frames; i++)
            {
                VideoFrame frame = input[i % input.Count];
                frame.Timestamp = (long)i * 90_000 / BenchCase.FrameRate;
                encoder.Encode(frame);
                while (encoder.TryReceive(out EncodedFrame? encoded))
                {
                    packets.Add(encoded.Data.ToArray());
                    encoded.Dispose();
                }
            }
        });
    }

    /// <summary>Time to decode the packets into pooled frames.</summary>
    public static Timing Decode(SoftwareProvider software, BenchCase bench, IReadOnlyList<byte[]> packets, VideoFramePool pool)
    {
        using IVideoDecoder decoder = software.CreateDecoder(bench.Codec, pool);
        int decoded = 0;
        Timing timing = Timing.Measure(() =>
        {
            for (int i = 0; i < packets.Count; i++)
            {
                decoder.Decode(packets[i], i);
                while (decoder.TryReceive(out VideoFrame? frame))
                {
                    decoded++;
                    frame.Dispose();
                }
            }
        });
        if (decoded != packets.Count)
        {
            throw new InvalidOperationException($"decoded {decoded} of {packets.Count} frames");
        }
        return timing;
    }
}
