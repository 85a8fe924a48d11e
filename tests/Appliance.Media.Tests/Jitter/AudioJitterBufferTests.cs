using Appliance.Media.Jitter;
using CsCheck;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Media.Tests.Jitter;

public class AudioJitterBufferTests
{
    private const int Frame = 960;
    private readonly byte[] _destination = new byte[1500];

    private static AudioJitterBuffer NewBuffer(AudioJitterBufferOptions? options = null) =>
        new(options ?? new AudioJitterBufferOptions { TargetDelay = TimeSpan.FromMilliseconds(60) }, NullLogger<AudioJitterBuffer>.Instance);

    private static byte[] Payload(int frame) => [0xF8, (byte)frame, (byte)(frame >> 8)];

    private static bool Insert(AudioJitterBuffer buffer, uint baseTimestamp, int frame) =>
        buffer.Insert(Payload(frame), baseTimestamp + (uint)(frame * Frame));

    /// <summary>Plays <paramref name="ticks"/> ticks; each is the frame number played, -1 for Missing, -2 for Buffering.</summary>
    private List<int> Play(AudioJitterBuffer buffer, int ticks)
    {
        var played = new List<int>();
        for (int i = 0; i < ticks; i++)
        {
            AudioJitterStatus status = buffer.Dequeue(_destination, out int length, out _);
            played.Add(status switch
            {
                AudioJitterStatus.Frame => _destination[1] | (_destination[2] << 8),
                AudioJitterStatus.Missing => -1,
                _ => -2,
            });
            if (status == AudioJitterStatus.Frame)
            {
                Assert.Equal(3, length);
            }
        }

        return played;
    }

    [Fact]
    public void Playout_starts_once_the_target_delay_is_held()
    {
        var buffer = NewBuffer();
        Assert.Equal(3, buffer.TargetFrames);

        Insert(buffer, 1000, 0);
        Insert(buffer, 1000, 1);
        Assert.Equal([-2], Play(buffer, 1));

        Insert(buffer, 1000, 2);
        Assert.Equal([0, 1, 2], Play(buffer, 3));
        Assert.True(buffer.IsPlaying);
    }

    [Fact]
    public void Reordered_frames_come_out_in_timestamp_order()
    {
        var buffer = NewBuffer();
        foreach (int frame in new[] { 0, 2, 1, 4, 3, 5 })
        {
            Insert(buffer, 5000, frame);
        }

        Assert.Equal([0, 1, 2, 3, 4, 5], Play(buffer, 6));
    }

    [Fact]
    public void A_reordered_first_packet_moves_the_start_back_before_playout()
    {
        var buffer = NewBuffer();
        Insert(buffer, 5000, 1);
        Insert(buffer, 5000, 0);
        Insert(buffer, 5000, 2);

        Assert.Equal([0, 1, 2], Play(buffer, 3));
    }

    [Fact]
    public void A_lost_frame_yields_missing_for_concealment()
    {
        var buffer = NewBuffer();
        foreach (int frame in new[] { 0, 1, 3, 4 })
        {
            Insert(buffer, 0, frame);
        }

        Assert.Equal([0, 1, -1, 3, 4], Play(buffer, 5));
        Assert.Equal(1, buffer.FramesMissing);
    }

    [Fact]
    public void After_a_missing_tick_the_next_frame_can_be_peeked_for_its_fec()
    {
        var buffer = NewBuffer();
        foreach (int frame in new[] { 0, 2, 3 })
        {
            Insert(buffer, 0, frame);
        }

        Assert.False(buffer.TryPeekNext(out _)); // not playing yet
        Assert.Equal([0, -1], Play(buffer, 2));
        Assert.True(buffer.TryPeekNext(out ReadOnlySpan<byte> next));
        Assert.Equal(Payload(2), next.ToArray());
        Assert.Equal([2], Play(buffer, 1)); // peeking did not take it
    }

    [Fact]
    public void A_frame_arriving_after_its_tick_is_late()
    {
        var buffer = NewBuffer();
        foreach (int frame in new[] { 0, 2, 3 })
        {
            Insert(buffer, 0, frame);
        }

        Assert.Equal([0, -1], Play(buffer, 2));
        Assert.False(Insert(buffer, 0, 1));
        Assert.Equal(1, buffer.PacketsLate);
        Assert.Equal([2, 3], Play(buffer, 2));
    }

    [Fact]
    public void Duplicates_are_ignored()
    {
        var buffer = NewBuffer();
        Assert.True(Insert(buffer, 0, 0));
        Assert.False(Insert(buffer, 0, 0));
        Assert.Equal(1, buffer.PacketsDuplicate);
        Assert.Equal(1, buffer.Count);
    }

    [Fact]
    public void Timestamps_wrapping_at_two_to_the_32_keep_their_order()
    {
        var buffer = NewBuffer();
        uint start = uint.MaxValue - (2 * Frame) + 1;
        foreach (int frame in new[] { 1, 0, 3, 2, 4 })
        {
            Insert(buffer, start, frame);
        }

        Assert.Equal([0, 1, 2, 3, 4], Play(buffer, 5));
    }

    [Fact]
    public void A_depth_far_beyond_the_target_is_trimmed_from_the_oldest()
    {
        var buffer = NewBuffer(new AudioJitterBufferOptions { TargetDelay = TimeSpan.FromMilliseconds(60), MaxExcessFrames = 2 });
        for (int frame = 0; frame < 10; frame++)
        {
            Insert(buffer, 0, frame);
        }

        // Depth 10, allowed 3 + 2: five oldest skipped, then frame 5 plays.
        Assert.Equal([5], Play(buffer, 1));
        Assert.Equal(5, buffer.FramesSkipped);
    }

    [Fact]
    public void A_stopped_stream_returns_to_buffering_and_restarts_on_new_packets()
    {
        var buffer = NewBuffer(new AudioJitterBufferOptions { TargetDelay = TimeSpan.FromMilliseconds(40), MaxConsecutiveMissing = 3 });
        Insert(buffer, 0, 0);
        Insert(buffer, 0, 1);

        Assert.Equal([0, 1, -1, -1, -1, -2], Play(buffer, 6));

        Insert(buffer, 0, 500);
        Insert(buffer, 0, 501);
        Assert.Equal([500, 501], Play(buffer, 2));
    }

    [Fact]
    public void A_timestamp_jump_beyond_the_capacity_resynchronizes()
    {
        var buffer = NewBuffer();
        Insert(buffer, 0, 0);
        Insert(buffer, 0, 1000);
        Insert(buffer, 0, 1001);
        Insert(buffer, 0, 1002);

        Assert.Equal(1, buffer.Resynchronizations);
        Assert.Equal([1000, 1001, 1002], Play(buffer, 3));
    }

    [Fact]
    public void Malformed_payloads_are_refused()
    {
        var buffer = NewBuffer();
        Assert.False(buffer.Insert([], 0));
        Assert.False(buffer.Insert(new byte[1501], 0));
        Assert.Equal(2, buffer.PacketsMalformed);
        Assert.Equal(0, buffer.Count);
    }

    [Fact]
    public void Random_timestamps_and_payloads_never_throw_and_stay_within_capacity()
    {
        var buffer = NewBuffer(new AudioJitterBufferOptions { Capacity = 8, MaxPacketSize = 100 });
        var destination = new byte[100];
        Gen.Select(Gen.Byte.Array[0, 120], Gen.OneOf(Gen.UInt[0, 20_000], Gen.UInt), Gen.Int[0, 3]).Sample((payload, timestamp, ticks) =>
        {
            buffer.Insert(payload, timestamp);
            for (int i = 0; i < ticks; i++)
            {
                buffer.Dequeue(destination, out int length, out _);
                Assert.InRange(length, 0, 100);
            }

            Assert.InRange(buffer.Count, 0, 8);
        }, iter: 20_000, threads: 1);
    }
}
