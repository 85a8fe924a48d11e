using Appliance.Mcu.RateAdaptation;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Mcu.Tests.RateAdaptation;

/// <summary>Tier selection from REMB estimates on a fake clock, one estimate a second as Chromium sends them.</summary>
public sealed class BitrateTierPolicyTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Congestion_lasting_three_seconds_steps_one_tier_down_but_one_low_estimate_does_not()
    {
        var policy = new BitrateTierPolicy(_time);
        Assert.False(Feed(policy, estimate: 600_000, sent: 1_000_000, seconds: 1)); // one low reading
        Assert.False(Feed(policy, estimate: 1_400_000, sent: 1_000_000, seconds: 1));
        Assert.Equal(BitrateTier.Full, policy.Tier);

        Assert.True(Feed(policy, estimate: 600_000, sent: 1_000_000, seconds: 4));
        Assert.Equal(BitrateTier.Medium, policy.Tier);
        Assert.True(Feed(policy, estimate: 300_000, sent: 700_000, seconds: 4));
        Assert.Equal(BitrateTier.Low, policy.Tier);
        Assert.False(Feed(policy, estimate: 100_000, sent: 350_000, seconds: 5)); // nothing below Low
        Assert.Equal(BitrateTier.Low, policy.Tier);
    }

    [Fact]
    public void An_estimate_below_the_tier_but_above_what_is_sent_is_not_congestion()
    {
        // A still picture needs little: the estimate follows the small rate sent, not the tier's 1.5 Mbit/s.
        var policy = new BitrateTierPolicy(_time);
        Assert.False(Feed(policy, estimate: 450_000, sent: 300_000, seconds: 30));
        Assert.Equal(BitrateTier.Full, policy.Tier);
    }

    [Fact]
    public void The_way_up_is_a_try_after_a_quiet_hold_and_a_failed_try_doubles_the_next_hold()
    {
        var policy = new BitrateTierPolicy(_time, initial: BitrateTier.Low);
        Assert.False(Feed(policy, estimate: 500_000, sent: 350_000, seconds: 7));
        Assert.True(Feed(policy, estimate: 500_000, sent: 350_000, seconds: 1)); // 8 s without congestion
        Assert.Equal(BitrateTier.Medium, policy.Tier);

        // The link cannot carry Medium: back down, and the next try waits 16 s instead of 8.
        Assert.True(Feed(policy, estimate: 500_000, sent: 750_000, seconds: 4));
        Assert.Equal(BitrateTier.Low, policy.Tier);
        Assert.Equal(TimeSpan.FromSeconds(16), policy.UpHold);
        Assert.False(Feed(policy, estimate: 500_000, sent: 350_000, seconds: 15));
        Assert.True(Feed(policy, estimate: 500_000, sent: 350_000, seconds: 1));
        Assert.Equal(BitrateTier.Medium, policy.Tier);
    }

    [Fact]
    public void A_flapping_link_does_not_make_the_tier_flap()
    {
        var policy = new BitrateTierPolicy(_time);
        var changes = 0;
        for (var second = 0; second < 120; second++)
        {
            // Congested every other second: never three seconds in a row, so never a step down; never quiet, so never a try up.
            var congested = second % 2 == 0;
            if (Feed(policy, congested ? 500_000UL : 1_200_000UL, 1_000_000, 1))
                changes++;
        }
        Assert.Equal(0, changes);

        var lowered = new BitrateTierPolicy(_time);
        for (var second = 0; second < 120; second++)
        {
            // Congested for 4 s out of every 12: down, a try up that fails, and then the longer hold keeps it down,
            // instead of twenty changes in two minutes.
            if (Feed(lowered, second % 12 < 4 ? 500_000UL : 1_200_000UL, 1_000_000, 1))
                changes++;
        }
        Assert.InRange(changes, 1, 4);
        Assert.True(lowered.UpHold >= TimeSpan.FromSeconds(16));
    }

    /// <summary>One estimate a second for <paramref name="seconds"/>; true if any changed the tier.</summary>
    private bool Feed(BitrateTierPolicy policy, ulong estimate, long sent, int seconds)
    {
        var changed = false;
        for (var i = 0; i < seconds; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            changed |= policy.Update(estimate, sent);
        }
        return changed;
    }
}
