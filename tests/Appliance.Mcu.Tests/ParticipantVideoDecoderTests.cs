using System.Collections.Concurrent;
using Appliance.Hwaccel;
using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Providers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Mcu.Tests;

public sealed class ParticipantVideoDecoderTests
{
    private static readonly VideoCodecFactory Codecs = VideoCodecFactory.Create(new HwaccelOptions(), NullLoggerFactory.Instance);

    [Theory]
    [InlineData(VideoCodec.H264)]
    [InlineData(VideoCodec.Vp8)]
    public async Task Decodes_queued_frames_off_the_calling_thread_and_hands_over_the_pictures(VideoCodec codec)
    {
        var encoded = Encode(codec, 12);
        var pictures = new BlockingCollection<VideoFrame>();
        var keyFrameRequests = 0;
        await using (var decoder = new ParticipantVideoDecoder(Codecs.CreateDecoder(codec, VideoFramePool.Shared), pictures.Add,
            () => Interlocked.Increment(ref keyFrameRequests), NullLogger.Instance, queueLength: 32))
        {
            foreach (var (frame, index) in encoded.Select((f, i) => (f, i)))
                decoder.Submit(frame, index * 3000);
        }
        pictures.CompleteAdding();

        var received = pictures.ToList();
        Assert.Equal(12, received.Count);
        Assert.All(received, p => Assert.Equal((320, 180), (p.Width, p.Height)));
        Assert.Equal(0, keyFrameRequests);
        received.ForEach(p => p.Dispose());
    }

    [Fact]
    public async Task Garbage_asks_the_browser_for_a_key_frame_and_the_next_key_frame_resumes()
    {
        var encoded = Encode(VideoCodec.H264, 3);
        var pictures = new BlockingCollection<VideoFrame>();
        var keyFrameRequests = 0;
        await using (var decoder = new ParticipantVideoDecoder(Codecs.CreateDecoder(VideoCodec.H264, VideoFramePool.Shared), pictures.Add,
            () => Interlocked.Increment(ref keyFrameRequests), NullLogger.Instance))
        {
            decoder.Submit([0, 0, 0, 1, 0x41, 0x9A, 0x13, 0x37], 0); // a P-slice with nothing before it
            decoder.Submit(encoded[0], 3000);                         // the key frame
        }
        pictures.CompleteAdding();

        Assert.True(keyFrameRequests >= 1);
        var received = pictures.ToList();
        Assert.Single(received);
        received.ForEach(p => p.Dispose());
    }

    private static List<byte[]> Encode(VideoCodec codec, int frames)
    {
        using var encoder = Codecs.CreateEncoder(new EncoderSettings(codec, 320, 180, 30, 300_000));
        using var canvas = VideoFramePool.Shared.Rent(VideoPixelFormat.I420, 320, 180);
        var result = new List<byte[]>();
        for (var i = 0; i < frames; i++)
        {
            TestPattern.Fill(canvas, i);
            encoder.Encode(canvas);
            while (encoder.TryReceive(out var frame))
                using (frame)
                    result.Add(frame.Data.ToArray());
        }
        return result;
    }
}
