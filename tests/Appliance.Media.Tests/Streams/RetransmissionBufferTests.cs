using Appliance.Media.Streams;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Media.Tests.Streams;

public class RetransmissionBufferTests
{
    private readonly FakeTimeProvider _time = new();

    private static byte[] Packet(ushort seq, int length = 100) => Enumerable.Range(0, length).Select(i => (byte)(seq + i)).ToArray();

    [Fact]
    public void A_stored_packet_is_returned_byte_for_byte()
    {
        using var buffer = new RetransmissionBuffer(_time, capacity: 16);
        buffer.Store(7, Packet(7));
        buffer.Store(8, Packet(8, 1200));

        Assert.True(buffer.TryGet(7, out ReadOnlySpan<byte> seven));
        Assert.Equal(Packet(7), seven.ToArray());
        Assert.True(buffer.TryGet(8, out ReadOnlySpan<byte> eight));
        Assert.Equal(Packet(8, 1200), eight.ToArray());
        Assert.False(buffer.TryGet(9, out _));
    }

    [Fact]
    public void Packets_older_than_the_ring_are_overwritten()
    {
        using var buffer = new RetransmissionBuffer(_time, capacity: 16);
        for (int seq = 0; seq < 20; seq++)
        {
            buffer.Store((ushort)seq, Packet((ushort)seq));
        }

        Assert.False(buffer.TryGet(3, out _));
        Assert.True(buffer.TryGet(4, out ReadOnlySpan<byte> four));
        Assert.Equal(Packet(4), four.ToArray());
        Assert.True(buffer.TryGet(19, out _));
    }

    [Fact]
    public void The_ring_follows_the_sequence_number_wrap()
    {
        using var buffer = new RetransmissionBuffer(_time, capacity: 8);
        foreach (ushort seq in new ushort[] { 65533, 65534, 65535, 0, 1 })
        {
            buffer.Store(seq, Packet(seq));
        }

        Assert.True(buffer.TryGet(65534, out ReadOnlySpan<byte> before));
        Assert.Equal(Packet(65534), before.ToArray());
        Assert.True(buffer.TryGet(1, out ReadOnlySpan<byte> after));
        Assert.Equal(Packet(1), after.ToArray());
    }

    [Fact]
    public void Packets_past_the_age_limit_are_not_resent()
    {
        using var buffer = new RetransmissionBuffer(_time, capacity: 16, maxAge: TimeSpan.FromMilliseconds(500));
        buffer.Store(1, Packet(1));

        _time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.True(buffer.TryGet(1, out _));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(buffer.TryGet(1, out _));
    }

    [Fact]
    public void Oversized_packets_are_counted_and_not_stored()
    {
        using var buffer = new RetransmissionBuffer(_time, capacity: 16, maxPacketSize: 200);
        buffer.Store(1, Packet(1, 201));

        Assert.False(buffer.TryGet(1, out _));
        Assert.Equal(1, buffer.PacketsTooLarge);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(65536)]
    public void Capacity_must_be_a_power_of_two_within_the_sequence_space(int capacity)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RetransmissionBuffer(_time, capacity));
    }
}
