using Appliance.Media.Jitter;
using Appliance.Media.PayloadFormats;
using Appliance.Media.PayloadFormats.Vp8;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Media.Tests.Jitter;

/// <summary>The video jitter buffer with the VP8 depacketizer: frame starts come from S=1, PID=0.</summary>
public class Vp8JitterBufferTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly Vp8Packetizer _packetizer = new(1200, initialPictureId: 7);
    private readonly List<(byte[] Payload, ushort Seq, uint Timestamp, bool Marker)> _packets = [];
    private readonly List<byte[]> _frames = [];
    private ushort _seq = 65500;
    private uint _timestamp = 1;

    private VideoJitterBuffer NewBuffer() => new(
        new Vp8Depacketizer(new EncodedFramePool(), NullLogger<Vp8Depacketizer>.Instance),
        new VideoJitterBufferOptions(),
        _time,
        NullLogger<VideoJitterBuffer>.Instance);

    /// <summary>Adds a VP8 frame whose payload header has P = 0 for a key frame.</summary>
    private List<(byte[] Payload, ushort Seq, uint Timestamp, bool Marker)> AddFrame(bool keyFrame, int size)
    {
        byte[] frame = Enumerable.Range(0, size).Select(i => (byte)(i * 7 + _frames.Count)).ToArray();
        frame[0] = (byte)(keyFrame ? 0x10 : 0x11);
        _frames.Add(frame);
        var added = new List<(byte[], ushort, uint, bool)>();
        var buffer = new byte[1200];
        Vp8PacketSequence sequence = _packetizer.Packetize(frame);
        while (sequence.TryWriteNext(buffer, out int written, out bool marker))
        {
            added.Add((buffer[..written], _seq++, _timestamp, marker));
        }

        _timestamp += 3000;
        _packets.AddRange(added);
        return added;
    }

    private static List<EncodedFrame> DequeueAll(VideoJitterBuffer buffer)
    {
        var frames = new List<EncodedFrame>();
        while (buffer.TryDequeue(out EncodedFrame? frame))
        {
            frames.Add(frame);
        }

        return frames;
    }

    [Fact]
    public void Vp8_frames_arriving_in_reverse_across_the_wrap_come_out_whole_and_in_order()
    {
        AddFrame(keyFrame: true, size: 4000);
        for (int i = 0; i < 20; i++)
        {
            AddFrame(keyFrame: false, size: 500 + (i * 150));
        }

        using var buffer = NewBuffer();
        foreach (var p in Enumerable.Reverse(_packets))
        {
            buffer.Insert(p.Payload, p.Seq, p.Timestamp, p.Marker);
        }

        List<EncodedFrame> frames = DequeueAll(buffer);
        Assert.Equal(_frames, frames.Select(f => f.Data.ToArray()));
        Assert.True(frames[0].IsKeyFrame);
        Assert.All(frames.Skip(1), f => Assert.False(f.IsKeyFrame));
        Assert.Equal(Enumerable.Range(7, 21), frames.Select(f => f.PictureId));
        frames.ForEach(f => f.Dispose());
    }

    [Fact]
    public void A_vp8_delta_frame_alone_asks_for_a_key_frame()
    {
        var delta = AddFrame(keyFrame: false, size: 100);
        using var buffer = NewBuffer();

        // S=1 PID=0 makes the start certain, so the buffer knows this whole frame is not decodable.
        var result = buffer.Insert(delta[0].Payload, delta[0].Seq, delta[0].Timestamp, delta[0].Marker);

        Assert.Equal(JitterBufferResult.KeyFrameNeeded, result);
        Assert.Empty(DequeueAll(buffer));
    }
}
