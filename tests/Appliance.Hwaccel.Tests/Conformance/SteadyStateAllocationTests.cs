using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Providers;
using Microsoft.Extensions.Logging.Abstractions;
using Appliance.Hwaccel.Tests.Support;

namespace Appliance.Hwaccel.Tests.Conformance;

/// <summary>
/// Encoding and decoding allocate nothing on the managed heap once warm: frames, encoded buffers and
/// queues are pooled, P/Invoke passes pointers and ints only. (FFmpeg's own C allocations are not
/// the GC's concern and are not counted.)
/// </summary>
public sealed class SteadyStateAllocationTests
{
    [Theory]
    [InlineData(VideoCodec.H264)]
    [InlineData(VideoCodec.Vp8)]
    public void EncodeDecodeLoopAllocatesZeroBytes(VideoCodec codec)
    {
        // Its own pool of encoded frames: the shared one is also used by the tests running beside this one, and a
        // frame they hold when this loop rents one would make it allocate a new frame.
        var software = new SoftwareProvider(NullLoggerFactory.Instance, new EncodedFramePool());
        var pool = new VideoFramePool();
        using IVideoEncoder encoder = software.CreateEncoder(new EncoderSettings(codec, 320, 240, 30, 500_000, KeyframeInterval: 20));
        using IVideoDecoder decoder = software.CreateDecoder(codec, pool);
        using VideoFrame source = pool.Rent(VideoPixelFormat.I420, 320, 240);
        TestPattern.Fill(source, 0);

        void Cycle(int i)
        {
            source.Timestamp = i * 3000L;
            if (i % 25 == 0)
            {
                encoder.RequestKeyframe();
            }
            encoder.Encode(source);
            while (encoder.TryReceive(out EncodedFrame? encoded))
            {
                decoder.Decode(encoded.Data, encoded.Timestamp);
                encoded.Dispose();
                while (decoder.TryReceive(out VideoFrame? picture))
                {
                    picture.Dispose();
                }
            }
        }

        for (int i = 0; i < 60; i++)
        {
            Cycle(i); // warm-up: pools, queues, ArrayPool buckets, JIT
        }
        long allocated = SteadyState.AllocatedBytes(() =>
        {
            for (int i = 60; i < 260; i++)
            {
                Cycle(i);
            }
        });
        Assert.Equal(0, allocated);
    }
}
