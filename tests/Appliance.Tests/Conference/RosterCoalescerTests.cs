using Appliance.Conference;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Tests.Conference;

/// <summary>The roster goes out at once after a quiet spell, and a burst of changes goes out as one roster per interval.</summary>
public sealed class RosterCoalescerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);
    private readonly FakeTimeProvider _time = new();
    private int _published;

    private RosterCoalescer Create() => new(Interval, _time, () => _published++);

    [Fact]
    public void The_first_change_is_published_at_once()
    {
        using var roster = Create();
        roster.Invalidate();
        Assert.Equal(1, _published);
    }

    [Fact]
    public void A_burst_within_the_interval_becomes_one_more_roster_at_its_end()
    {
        using var roster = Create();
        roster.Invalidate();
        for (var i = 0; i < 50; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(2));
            roster.Invalidate(); // e.g. speaking indicators flickering every audio tick
        }
        Assert.Equal(1, _published);

        _time.Advance(Interval - TimeSpan.FromMilliseconds(101));
        Assert.Equal(1, _published);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, _published);
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(2, _published); // nothing changed since: nothing more
    }

    [Fact]
    public void Changes_every_audio_tick_for_ten_seconds_send_at_most_four_rosters_a_second()
    {
        using var roster = Create();
        for (var tick = 0; tick < 500; tick++)
        {
            roster.Invalidate();
            _time.Advance(TimeSpan.FromMilliseconds(20));
        }
        Assert.InRange(_published, 38, 41); // 10 s / 250 ms, plus the first
        Assert.Equal(_published, roster.Published);
    }

    [Fact]
    public void A_change_after_a_quiet_spell_is_published_at_once()
    {
        using var roster = Create();
        roster.Invalidate();
        _time.Advance(TimeSpan.FromSeconds(3));
        roster.Invalidate();
        Assert.Equal(2, _published);
    }

    [Fact]
    public void Nothing_is_published_after_dispose()
    {
        var roster = Create();
        roster.Invalidate();
        roster.Invalidate();
        roster.Dispose();
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _published);
    }
}
