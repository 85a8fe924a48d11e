using Appliance.Media.Streams;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Media.Tests.Streams;

public class PacerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly List<(TimeSpan At, int Length, byte First)> _sent = [];
    private readonly DateTimeOffset _start;

    public PacerTests() => _start = _time.GetUtcNow();

    private Pacer NewPacer(long bitrate, int burst, int maxQueue = 1024) => new(
        new PacerOptions { TargetBitrate = bitrate, BurstBytes = burst, MaxQueuePackets = maxQueue },
        _time,
        packet => _sent.Add((_time.GetUtcNow() - _start, packet.Length, packet[0])),
        NullLogger<Pacer>.Instance);

    private void AdvanceInSteps(TimeSpan total, TimeSpan step)
    {
        for (TimeSpan t = TimeSpan.Zero; t < total; t += step)
        {
            _time.Advance(step);
        }
    }

    [Fact]
    public void The_burst_leaves_at_once_and_the_rest_at_the_target_rate()
    {
        // 800 kbit/s = 100 000 bytes/s: one 1000-byte packet every 10 ms after a 3000-byte burst.
        using var pacer = NewPacer(800_000, 3000);
        for (int i = 0; i < 200; i++)
        {
            Assert.True(pacer.TryEnqueue(new byte[1000]));
        }

        Assert.Equal(3, _sent.Count);

        AdvanceInSteps(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1));

        Assert.InRange(_sent.Count, 3 + 99, 3 + 101);
        Assert.InRange(pacer.BytesSent, 102_000, 104_000);
        Assert.Equal(200 - _sent.Count, pacer.QueuedPackets);
    }

    [Fact]
    public void Packets_leave_in_the_order_they_were_queued()
    {
        using var pacer = NewPacer(80_000, 100);
        for (byte i = 0; i < 20; i++)
        {
            pacer.TryEnqueue([i, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        }

        AdvanceInSteps(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(5));

        Assert.Equal(Enumerable.Range(0, 20).Select(i => (byte)i), _sent.Select(s => s.First));
    }

    [Fact]
    public void A_lower_target_bitrate_slows_the_release()
    {
        using var pacer = NewPacer(800_000, 1000);
        for (int i = 0; i < 100; i++)
        {
            pacer.TryEnqueue(new byte[1000]);
        }

        pacer.SetTargetBitrate(400_000);
        AdvanceInSteps(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(1));

        // 50 000 bytes/s: 50 packets per second after the first one.
        Assert.InRange(_sent.Count, 1 + 49, 1 + 51);
    }

    [Fact]
    public void An_idle_pacer_saves_no_more_than_the_burst()
    {
        using var pacer = NewPacer(800_000, 2000);
        _time.Advance(TimeSpan.FromSeconds(10));
        for (int i = 0; i < 10; i++)
        {
            pacer.TryEnqueue(new byte[1000]);
        }

        Assert.Equal(2, _sent.Count);
    }

    [Fact]
    public void A_full_queue_refuses_packets()
    {
        using var pacer = NewPacer(8_000, 1, maxQueue: 4);
        for (int i = 0; i < 6; i++)
        {
            pacer.TryEnqueue(new byte[100]);
        }

        // One left at once (budget 1 byte), four are queued, the sixth is refused.
        Assert.Single(_sent);
        Assert.Equal(4, pacer.QueuedPackets);
        Assert.Equal(1, pacer.PacketsDropped);
        Assert.False(pacer.TryEnqueue(new byte[2000]));
    }

    [Fact]
    public void The_pacer_holds_buffers_for_the_deepest_queue_not_for_every_slot_it_has_used()
    {
        // 3000 packets pass through a 1024-slot queue in bursts of 20: the ring laps three times,
        // but never more than 20 packets wait at once.
        using var pacer = NewPacer(8_000_000, 1000);
        for (int burst = 0; burst < 150; burst++)
        {
            for (byte i = 0; i < 20; i++)
            {
                Assert.True(pacer.TryEnqueue([i, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
            }

            AdvanceInSteps(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(1));
            Assert.Equal(0, pacer.QueuedPackets);
        }

        Assert.Equal(3000, _sent.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => (byte)i), _sent.Skip(2980).Select(s => s.First));
        Assert.InRange(pacer.BuffersHeld, 1, 20);
    }
}
