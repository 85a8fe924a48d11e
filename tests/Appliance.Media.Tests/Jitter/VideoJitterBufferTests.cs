using Appliance.Media.Jitter;
using Appliance.Media.PayloadFormats;
using Appliance.Media.PayloadFormats.H264;
using CsCheck;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Media.Tests.Jitter;

public class VideoJitterBufferTests
{
    private readonly FakeTimeProvider _time = new();

    private VideoJitterBuffer NewBuffer(VideoJitterBufferOptions? options = null) => new(
        new H264Depacketizer(new EncodedFramePool(), NullLogger<H264Depacketizer>.Instance),
        options ?? new VideoJitterBufferOptions { MaxFrameWait = TimeSpan.FromMilliseconds(200) },
        _time,
        NullLogger<VideoJitterBuffer>.Instance);

    private static JitterBufferResult Insert(VideoJitterBuffer buffer, VideoStream.Packet packet) =>
        buffer.Insert(packet.Payload, packet.SequenceNumber, packet.Timestamp, packet.Marker);

    private static JitterBufferResult InsertAll(VideoJitterBuffer buffer, IEnumerable<VideoStream.Packet> packets)
    {
        var result = JitterBufferResult.None;
        foreach (var packet in packets)
        {
            result |= Insert(buffer, packet);
        }

        return result;
    }

    private static List<byte[]> DequeueAll(VideoJitterBuffer buffer)
    {
        var frames = new List<byte[]>();
        while (buffer.TryDequeue(out EncodedFrame? frame))
        {
            using (frame)
            {
                frames.Add(frame.Data.ToArray());
            }
        }

        return frames;
    }

    private static VideoStream KeyFrameThenDeltas(int deltas, ushort firstSequenceNumber = 1000)
    {
        var stream = new VideoStream(firstSequenceNumber);
        stream.AddFrame(keyFrame: true);
        for (int i = 0; i < deltas; i++)
        {
            stream.AddFrame(keyFrame: false, sliceSize: 200 + (i * 700 % 3000));
        }

        return stream;
    }

    [Fact]
    public void Frames_in_order_are_released_in_order()
    {
        var stream = KeyFrameThenDeltas(3);
        using var buffer = NewBuffer();

        var result = InsertAll(buffer, stream.Packets);

        Assert.Equal(JitterBufferResult.FrameReady, result);
        Assert.Equal(stream.AccessUnits, DequeueAll(buffer));
        Assert.False(buffer.IsWaitingForKeyFrame);
        Assert.Equal(0, buffer.PacketCount);
    }

    [Fact]
    public void Payload_buffers_follow_the_packets_held_not_the_slots_used()
    {
        // Hundreds of frames, well over the 512-slot ring, each dequeued as soon as it is complete.
        var stream = KeyFrameThenDeltas(1000);
        using var buffer = NewBuffer();
        int frames = 0;
        foreach (var packet in stream.Packets)
        {
            Insert(buffer, packet);
            frames += DequeueAll(buffer).Count;
        }

        Assert.True(stream.Packets.Count > 1024);
        Assert.Equal(1001, frames);
        Assert.Equal(0, buffer.PacketCount);
        Assert.InRange(buffer.PayloadBuffersHeld, 1, 8);
    }

    [Fact]
    public void Reordered_and_duplicated_packets_still_give_every_frame_once_in_order()
    {
        Gen.Select(Gen.Int[0, 6], Gen.UShort, Gen.Int.Array[60]).Sample((deltas, firstSeq, keys) =>
        {
            var stream = KeyFrameThenDeltas(deltas, firstSeq);
            var packets = stream.Packets.ToList();
            packets.AddRange(stream.Packets.Where((_, i) => keys[i % keys.Length] % 3 == 0)); // duplicates
            var shuffled = packets.Select((p, i) => (p, key: keys[i % keys.Length] + i)).OrderBy(x => x.key).Select(x => x.p).ToList();

            using var buffer = NewBuffer();
            InsertAll(buffer, shuffled);

            Assert.Equal(stream.AccessUnits, DequeueAll(buffer));
            Assert.Equal(0, buffer.PacketCount);
        }, iter: 200);
    }

    [Fact]
    public void Duplicates_are_counted_and_ignored()
    {
        var stream = KeyFrameThenDeltas(1);
        using var buffer = NewBuffer();
        Insert(buffer, stream.Packets[0]);

        Assert.Equal(JitterBufferResult.Duplicate, Insert(buffer, stream.Packets[0]));
        InsertAll(buffer, stream.Packets.Skip(1));
        Assert.Equal(JitterBufferResult.Late, Insert(buffer, stream.Packets[^1]));

        Assert.Equal(1, buffer.PacketsDuplicate);
        Assert.Equal(1, buffer.PacketsLate);
        Assert.Equal(2, DequeueAll(buffer).Count);
    }

    [Fact]
    public void Frames_spanning_the_sequence_number_wrap_are_released()
    {
        var stream = KeyFrameThenDeltas(4, firstSequenceNumber: 65530);
        Assert.Contains(stream.Packets, p => p.SequenceNumber == 65535);
        Assert.Contains(stream.Packets, p => p.SequenceNumber == 0);
        using var buffer = NewBuffer();

        InsertAll(buffer, stream.Packets.AsEnumerable().Reverse());

        Assert.Equal(stream.AccessUnits, DequeueAll(buffer));
    }

    [Fact]
    public void A_lost_packet_holds_later_frames_until_it_is_retransmitted()
    {
        var stream = KeyFrameThenDeltas(4);
        var lost = stream.Packets.First(p => p.Frame == 2);
        using var buffer = NewBuffer();

        InsertAll(buffer, stream.Packets.Where(p => p != lost));
        Assert.Equal(2, DequeueAll(buffer).Count);
        Assert.True(buffer.PacketCount > 0);

        _time.Advance(TimeSpan.FromMilliseconds(150));
        Assert.Equal(JitterBufferResult.None, buffer.Poll());
        Assert.Equal(JitterBufferResult.FrameReady, Insert(buffer, lost));

        Assert.Equal(stream.AccessUnits.Skip(2), DequeueAll(buffer));
    }

    [Fact]
    public void A_frame_that_cannot_complete_in_time_is_dropped_and_a_key_frame_restarts_the_flow()
    {
        var stream = KeyFrameThenDeltas(4);
        using var buffer = NewBuffer();
        InsertAll(buffer, stream.Packets.Where(p => p.SequenceNumber != stream.Packets.First(q => q.Frame == 2).SequenceNumber));
        Assert.Equal(2, DequeueAll(buffer).Count);

        _time.Advance(TimeSpan.FromMilliseconds(201));
        Assert.Equal(JitterBufferResult.FrameDropped | JitterBufferResult.KeyFrameNeeded, buffer.Poll());
        Assert.True(buffer.IsWaitingForKeyFrame);
        Assert.Equal(0, buffer.PacketCount);

        // Delta frames cannot be decoded now: they are held back and a key frame is asked for again.
        var deltas = stream.AddFrame(keyFrame: false).Concat(stream.AddFrame(keyFrame: false)).ToList();
        Assert.Equal(JitterBufferResult.KeyFrameNeeded, InsertAll(buffer, deltas));
        Assert.Empty(DequeueAll(buffer));

        var keyFrame = stream.AddFrame(keyFrame: true);
        var next = stream.AddFrame(keyFrame: false);
        Assert.True(InsertAll(buffer, keyFrame.Concat(next)).HasFlag(JitterBufferResult.FrameReady));
        Assert.Equal([stream.AccessUnits[^2], stream.AccessUnits[^1]], DequeueAll(buffer));
        Assert.False(buffer.IsWaitingForKeyFrame);
    }

    [Fact]
    public void Whole_frames_waiting_for_a_slow_consumer_are_kept_past_the_time_limit()
    {
        var stream = KeyFrameThenDeltas(15);
        using var buffer = NewBuffer();
        InsertAll(buffer, stream.Packets);

        // The depacketizer queues 8 frames; the rest stay whole in the buffer while nobody dequeues.
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(JitterBufferResult.None, buffer.Poll());

        Assert.Equal(stream.AccessUnits, DequeueAll(buffer));
        Assert.Equal(0, buffer.FramesDropped);
    }

    [Fact]
    public void A_sender_restarting_its_sequence_numbers_behind_is_followed_after_a_key_frame()
    {
        var before = KeyFrameThenDeltas(2, firstSequenceNumber: 40000);
        using var buffer = NewBuffer(new VideoJitterBufferOptions { MaxConsecutiveLate = 3 });
        InsertAll(buffer, before.Packets);
        Assert.Equal(3, DequeueAll(buffer).Count);

        // 5000 numbers behind: the first packets look late, and the key frame they began is lost.
        var after = KeyFrameThenDeltas(2, firstSequenceNumber: 35000);
        var result = InsertAll(buffer, after.Packets);
        Assert.Equal(JitterBufferResult.Late | JitterBufferResult.Overflow | JitterBufferResult.KeyFrameNeeded, result);
        Assert.Empty(DequeueAll(buffer));

        // The sender answers the PLI.
        InsertAll(buffer, after.AddFrame(keyFrame: true).Concat(after.AddFrame(keyFrame: false)));
        Assert.Equal(after.AccessUnits.Skip(3), DequeueAll(buffer));
    }

    [Fact]
    public void A_stream_joined_mid_way_waits_for_a_key_frame()
    {
        var stream = new VideoStream();
        var deltas = stream.AddFrame(false).Concat(stream.AddFrame(false)).Concat(stream.AddFrame(false)).ToList();
        using var buffer = NewBuffer();

        Assert.True(InsertAll(buffer, deltas).HasFlag(JitterBufferResult.KeyFrameNeeded));
        Assert.Empty(DequeueAll(buffer));

        InsertAll(buffer, stream.AddFrame(true));
        Assert.Equal([stream.AccessUnits[^1]], DequeueAll(buffer));
    }

    [Fact]
    public void A_fu_a_without_its_start_is_inconsistent_and_dropped()
    {
        var stream = KeyFrameThenDeltas(0);
        using var buffer = NewBuffer();
        InsertAll(buffer, stream.Packets);
        DequeueAll(buffer);

        // A sender bug: the FU-A start of the next frame is replaced by a middle fragment, sequence numbers contiguous.
        var next = stream.AddFrame(keyFrame: false, sliceSize: 3000);
        byte[] broken = (byte[])next[0].Payload.Clone();
        broken[1] &= 0x7F;
        var result = Insert(buffer, next[0] with { Payload = broken }) | InsertAll(buffer, next.Skip(1));

        Assert.Equal(JitterBufferResult.FrameDropped | JitterBufferResult.KeyFrameNeeded, result);
        Assert.Empty(DequeueAll(buffer));
    }

    [Fact]
    public void A_frame_without_marker_ends_where_the_timestamp_changes()
    {
        var stream = KeyFrameThenDeltas(1);
        using var buffer = NewBuffer();
        var withoutMarkers = stream.Packets.Select(p => p with { Marker = false }).ToList();

        InsertAll(buffer, withoutMarkers);

        // The key frame is closed by the delta frame's first packet; the delta frame is still open.
        Assert.Equal([stream.AccessUnits[0]], DequeueAll(buffer));
    }

    [Fact]
    public void The_packet_limit_bounds_memory_and_asks_for_a_key_frame()
    {
        var stream = KeyFrameThenDeltas(20);
        using var buffer = NewBuffer(new VideoJitterBufferOptions { MaxPackets = 16 });
        var lost = stream.Packets.First(p => p.Frame == 1);

        var result = JitterBufferResult.None;
        int maxHeld = 0;
        foreach (var packet in stream.Packets.Where(p => p != lost))
        {
            result |= Insert(buffer, packet);
            maxHeld = Math.Max(maxHeld, buffer.PacketCount);
        }

        Assert.True(result.HasFlag(JitterBufferResult.Overflow));
        Assert.True(result.HasFlag(JitterBufferResult.KeyFrameNeeded));
        Assert.InRange(maxHeld, 1, 16);
        Assert.True(buffer.Overflows > 0);
    }

    [Fact]
    public void The_byte_limit_bounds_memory()
    {
        var stream = KeyFrameThenDeltas(10);
        using var buffer = NewBuffer(new VideoJitterBufferOptions { MaxBytes = 5000 });
        var lost = stream.Packets.First(p => p.Frame == 1);

        long maxBytes = 0;
        foreach (var packet in stream.Packets.Where(p => p != lost))
        {
            Insert(buffer, packet);
            maxBytes = Math.Max(maxBytes, buffer.ByteCount);
        }

        Assert.InRange(maxBytes, 1, 5000);
        Assert.True(buffer.Overflows > 0);
    }

    [Fact]
    public void Malformed_payloads_are_dropped_without_throwing()
    {
        using var buffer = NewBuffer();
        Assert.Equal(JitterBufferResult.Malformed, buffer.Insert([], 1, 0, true));
        Assert.Equal(JitterBufferResult.Malformed, buffer.Insert([0x18, 0x00, 0x09, 0x41], 2, 0, true));
        Assert.Equal(JitterBufferResult.Malformed, buffer.Insert(new byte[1501], 3, 0, true));

        Gen.Select(Gen.Byte.Array[0, 40], Gen.UShort, Gen.UInt[0, 5], Gen.Bool).Sample((payload, seq, ts, marker) =>
        {
            buffer.Insert(payload, seq, ts, marker);
            buffer.Poll();
            DequeueAll(buffer);
        }, iter: 5000, threads: 1); // one receive path owns a jitter buffer: it is not thread-safe
        Assert.True(buffer.PacketsMalformed > 3);
    }
}
