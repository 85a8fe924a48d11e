using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Mcu.Tests;

public sealed class MediaClockTests
{
    [Fact]
    public void Ticks_at_the_frame_rate_with_90khz_timestamps_from_elapsed_time()
    {
        var time = new FakeTimeProvider();
        var ticks = new List<(long Tick, uint Timestamp)>();
        using var clock = new MediaClock(30, time, (tick, timestamp) => ticks.Add((tick, timestamp)), NullLogger.Instance);

        clock.Start();
        for (var i = 0; i < 30; i++)
            time.Advance(clock.Period);

        Assert.Equal(31, ticks.Count); // the first tick at once, then one per period
        Assert.Equal(Enumerable.Range(0, 31).Select(i => (long)i), ticks.Select(t => t.Tick));
        Assert.Equal(0u, ticks[0].Timestamp);
        Assert.InRange(ticks[30].Timestamp, 89_990u, 90_000u); // one second later
    }

    [Fact]
    public void A_failing_tick_does_not_stop_the_clock()
    {
        var time = new FakeTimeProvider();
        var count = 0;
        using var clock = new MediaClock(10, time, (tick, _) =>
        {
            count++;
            if (tick == 1)
                throw new InvalidOperationException("boom");
        }, NullLogger.Instance);

        clock.Start();
        time.Advance(TimeSpan.FromMilliseconds(300));

        Assert.Equal(4, count);
        Assert.Equal(4, clock.Ticks);
    }
}
