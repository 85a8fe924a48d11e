using Appliance.Media.Streams;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Media.Tests.Streams;

/// <summary>RFC 3550 Appendix A.1, A.3 and A.8 arithmetic against hand-computed figures.</summary>
public class RtpInboundStreamTests
{
    private readonly FakeTimeProvider _time = new();

    private RtpInboundStream NewStream(int clockRate = 90000, int minSequential = 1) =>
        new(0x1234, clockRate, _time, NullLogger<RtpInboundStream>.Instance, minSequential);

    [Fact]
    public void Loss_and_fraction_lost_per_report_interval()
    {
        var stream = NewStream();

        // Interval 1: 100..109 without 103 and 105. expected 10, received 8.
        foreach (int seq in Enumerable.Range(100, 10).Except([103, 105]))
        {
            Assert.True(stream.OnPacket((ushort)seq, 0, 100));
        }

        ReceptionReport first = stream.CreateReceptionReport();
        Assert.Equal(2, first.CumulativeLost);
        Assert.Equal((byte)(2 * 256 / 10), first.FractionLost); // 51
        Assert.Equal(109u, first.ExtendedHighestSequenceNumber);

        // Interval 2: 110..119 all there, and 105 arrives late: lost_interval = 10 - 11 < 0, so fraction 0.
        stream.OnPacket(105, 0, 100);
        foreach (int seq in Enumerable.Range(110, 10))
        {
            stream.OnPacket((ushort)seq, 0, 100);
        }

        ReceptionReport second = stream.CreateReceptionReport();
        Assert.Equal(1, second.CumulativeLost);
        Assert.Equal(0, second.FractionLost);

        // Interval 3: 120..123, only 120 received, twice (a duplicate counts as received, A.3).
        stream.OnPacket(120, 0, 100);
        stream.OnPacket(120, 0, 100);
        stream.OnPacket(123, 0, 100);
        ReceptionReport third = stream.CreateReceptionReport();
        Assert.Equal(1 + 4 - 3, third.CumulativeLost);
        Assert.Equal((byte)(1 * 256 / 4), third.FractionLost); // expected 4, received 3
        Assert.Equal(123u, third.ExtendedHighestSequenceNumber);
        Assert.Equal(8 + 11 + 3, (int)stream.PacketsReceived);
    }

    [Fact]
    public void Sequence_wrap_counts_a_cycle()
    {
        var stream = NewStream();
        foreach (ushort seq in new ushort[] { 65534, 65535, 1, 2 })
        {
            stream.OnPacket(seq, 0, 10);
        }

        ReceptionReport report = stream.CreateReceptionReport();
        Assert.Equal(65536u + 2, report.ExtendedHighestSequenceNumber);
        Assert.Equal(5, stream.Expected);
        Assert.Equal(1, report.CumulativeLost); // 0 is missing
    }

    [Fact]
    public void A_reordered_packet_from_before_the_wrap_does_not_add_a_cycle()
    {
        var stream = NewStream();
        stream.OnPacket(65535, 0, 10);
        stream.OnPacket(1, 0, 10);
        stream.OnPacket(0, 0, 10);

        Assert.Equal(65536u + 1, stream.ExtendedHighestSequenceNumber);
        Assert.Equal(0, stream.Lost);
    }

    [Fact]
    public void A_big_jump_is_refused_until_a_second_packet_confirms_a_restart()
    {
        var stream = NewStream();
        stream.OnPacket(1000, 0, 10);
        stream.OnPacket(1001, 0, 10);

        Assert.False(stream.OnPacket(9000, 0, 10));
        Assert.True(stream.OnPacket(9001, 0, 10));

        // A.1: after the restart, init_seq(9001) then received++.
        Assert.Equal(9001u, stream.ExtendedHighestSequenceNumber);
        Assert.Equal(1, stream.Expected);
        Assert.Equal(1u, stream.PacketsReceived);
        Assert.Equal(1, stream.PacketsRefused);
    }

    [Fact]
    public void Probation_requires_min_sequential_packets()
    {
        var stream = NewStream(minSequential: 2);

        Assert.False(stream.OnPacket(10, 0, 10));
        Assert.False(stream.OnPacket(20, 0, 10));   // not in sequence: probation restarts
        Assert.True(stream.OnPacket(21, 0, 10));
        Assert.True(stream.OnPacket(22, 0, 10));

        Assert.Equal(2, stream.Expected);
        Assert.Equal(2u, stream.PacketsReceived);
    }

    [Fact]
    public void Interarrival_jitter_follows_the_a8_estimator()
    {
        var stream = NewStream(clockRate: 90000);
        uint timestamp = 5000;

        // Packets every 20 ms carrying timestamps 1800 apart: constant transit, no jitter.
        for (int i = 0; i < 5; i++)
        {
            stream.OnPacket((ushort)i, timestamp, 100);
            timestamp += 1800;
            _time.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.Equal(0u, stream.Jitter);

        // One packet 10 ms late (900 units): J = 0 + (900 - 0) / 16 = 56.25.
        _time.Advance(TimeSpan.FromMilliseconds(10));
        stream.OnPacket(5, timestamp, 100);
        timestamp += 1800;
        Assert.Equal(56u, stream.Jitter);

        // The next one on time again: |D| = 900 again, J = 56.25 + (900 - 56.25) / 16 = 109.0.
        _time.Advance(TimeSpan.FromMilliseconds(10));
        stream.OnPacket(6, timestamp, 100);
        Assert.Equal(109u, stream.Jitter);
        Assert.Equal(109u, stream.CreateReceptionReport().InterarrivalJitter);
    }

    [Fact]
    public void Lsr_and_dlsr_come_from_the_last_sender_report()
    {
        var stream = NewStream();
        stream.OnPacket(1, 0, 10);
        Assert.Equal(0u, stream.CreateReceptionReport().LastSenderReport);

        stream.OnSenderReport(0x1122334455667788);
        _time.Advance(TimeSpan.FromMilliseconds(1500));

        ReceptionReport report = stream.CreateReceptionReport();
        Assert.Equal(0x33445566u, report.LastSenderReport);
        Assert.Equal((uint)(1.5 * 65536), report.DelaySinceLastSenderReport);
    }

    [Fact]
    public void Cumulative_loss_is_clamped_to_24_bits()
    {
        var stream = NewStream();

        // 0x800000 + duplicates: negative loss far below -2^23 cannot be reached quickly, so check the
        // positive side through repeated forward jumps under MAX_DROPOUT.
        ushort seq = 0;
        for (int i = 0; i < 3000; i++)
        {
            stream.OnPacket(seq, 0, 1);
            seq = (ushort)(seq + 2999);
        }

        Assert.True(stream.Lost > 0x7FFFFF);
        Assert.Equal(0x7FFFFF, stream.CreateReceptionReport().CumulativeLost);
    }
}
