using Appliance.Media.Streams;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Media.Tests.Streams;

public class NackGeneratorTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly ushort[] _nacks = new ushort[64];

    private NackGenerator NewGenerator(NackGeneratorOptions? options = null) =>
        new(options ?? new NackGeneratorOptions(), _time, NullLogger<NackGenerator>.Instance);

    private ushort[] Collect(NackGenerator generator) => _nacks[..generator.CollectNacks(_nacks)];

    [Fact]
    public void A_gap_is_nacked_at_once_then_retried_once_per_rtt()
    {
        var generator = NewGenerator(new NackGeneratorOptions { InitialRtt = TimeSpan.FromMilliseconds(50) });
        generator.OnPacket(10);
        generator.OnPacket(13);

        Assert.Equal([11, 12], Collect(generator));
        Assert.Empty(Collect(generator));

        _time.Advance(TimeSpan.FromMilliseconds(49));
        Assert.Empty(Collect(generator));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([11, 12], Collect(generator));
        Assert.Equal(4, generator.NacksRequested);
    }

    [Fact]
    public void Retries_stop_after_max_retries_and_the_packet_is_given_up()
    {
        var generator = NewGenerator(new NackGeneratorOptions { MaxRetries = 3, InitialRtt = TimeSpan.FromMilliseconds(30) });
        generator.OnPacket(1);
        generator.OnPacket(3);

        int sent = 0;
        for (int i = 0; i < 10; i++)
        {
            sent += Collect(generator).Length;
            _time.Advance(TimeSpan.FromMilliseconds(30));
        }

        Assert.Equal(3, sent);
        Assert.Equal(1, generator.PacketsGivenUp);
        Assert.Equal(0, generator.MissingCount);
    }

    [Fact]
    public void A_packet_older_than_max_age_is_given_up_even_with_retries_left()
    {
        var generator = NewGenerator(new NackGeneratorOptions { MaxRetries = 100, MaxAge = TimeSpan.FromMilliseconds(200), InitialRtt = TimeSpan.FromMilliseconds(100) });
        generator.OnPacket(1);
        generator.OnPacket(3);

        Assert.Equal([2], Collect(generator));
        _time.Advance(TimeSpan.FromMilliseconds(100));
        Assert.Equal([2], Collect(generator));
        _time.Advance(TimeSpan.FromMilliseconds(101));
        Assert.Empty(Collect(generator));
        Assert.Equal(1, generator.PacketsGivenUp);
    }

    [Fact]
    public void The_retry_interval_follows_the_rtt_with_a_floor()
    {
        var generator = NewGenerator(new NackGeneratorOptions { MinRetryInterval = TimeSpan.FromMilliseconds(20) });
        generator.UpdateRtt(TimeSpan.FromMilliseconds(5));
        Assert.Equal(TimeSpan.FromMilliseconds(20), generator.RetryInterval);

        generator.UpdateRtt(TimeSpan.FromMilliseconds(80));
        generator.OnPacket(1);
        generator.OnPacket(3);
        Collect(generator);
        _time.Advance(TimeSpan.FromMilliseconds(79));
        Assert.Empty(Collect(generator));
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal([2], Collect(generator));
    }

    [Fact]
    public void A_recovered_packet_is_no_longer_nacked()
    {
        var generator = NewGenerator();
        generator.OnPacket(1);
        generator.OnPacket(5);

        Assert.Equal(NackPacketResult.Recovered, generator.OnPacket(3));
        Assert.Equal(NackPacketResult.Old, generator.OnPacket(3));
        Assert.Equal([2, 4], Collect(generator));
        Assert.Equal(1, generator.PacketsRecovered);
    }

    [Fact]
    public void Gaps_across_the_wrap_are_nacked_with_their_16_bit_numbers()
    {
        var generator = NewGenerator();
        generator.OnPacket(65533);
        generator.OnPacket(65535);
        generator.OnPacket(2);

        Assert.Equal([65534, 0, 1], Collect(generator));
    }

    [Fact]
    public void Too_many_missing_asks_for_a_key_frame_instead()
    {
        var generator = NewGenerator(new NackGeneratorOptions { MaxMissingPackets = 10 });
        generator.OnPacket(100);
        Assert.Equal(NackPacketResult.InOrder, generator.OnPacket(105));
        Assert.Equal(NackPacketResult.KeyFrameNeeded, generator.OnPacket(120));

        Assert.Equal(0, generator.MissingCount);
        Assert.Empty(Collect(generator));
    }

    [Fact]
    public void A_key_frame_discards_older_missing_packets()
    {
        var generator = NewGenerator();
        generator.OnPacket(1);
        generator.OnPacket(4);
        generator.OnPacket(8);

        generator.DiscardBefore(6);

        Assert.Equal([6, 7], Collect(generator));
    }

    [Fact]
    public void The_reordering_delay_holds_back_the_first_nack()
    {
        var generator = NewGenerator(new NackGeneratorOptions { ReorderingDelay = TimeSpan.FromMilliseconds(10) });
        generator.OnPacket(1);
        generator.OnPacket(3);

        Assert.Empty(Collect(generator));
        _time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.Equal([2], Collect(generator));
    }

    [Fact]
    public void A_small_destination_gets_the_oldest_first_and_the_rest_later()
    {
        var generator = NewGenerator();
        generator.OnPacket(0);
        generator.OnPacket(5);
        var small = new ushort[3];

        Assert.Equal(3, generator.CollectNacks(small));
        Assert.Equal([1, 2, 3], small);
        Assert.Equal(1, generator.CollectNacks(small));
        Assert.Equal(4, small[0]);
    }

    [Fact]
    public void Sequence_numbers_restarted_behind_are_tracked_afresh()
    {
        var generator = NewGenerator(new NackGeneratorOptions { MaxConsecutiveOld = 5 });
        generator.OnPacket(30000);
        for (ushort seq = 100; seq < 105; seq++)
        {
            Assert.Equal(NackPacketResult.Old, generator.OnPacket(seq));
        }

        // Tracking restarted at 104: a gap after it is NACKed again.
        generator.OnPacket(107);
        Assert.Equal([105, 106], Collect(generator));
    }
}
