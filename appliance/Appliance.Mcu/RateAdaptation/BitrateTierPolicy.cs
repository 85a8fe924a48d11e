namespace Appliance.Mcu.RateAdaptation;

/// <summary>
/// Places one receiver in a <see cref="BitrateTier"/> from its bandwidth estimate (REMB) and what it is sent.
/// <para>
/// A receive-side estimate (draft-alvestrand-rmcat-remb; Chromium's delay-based estimator) measures what
/// arrives: it stays near or above the incoming rate while the link carries it and falls below it when queues
/// grow. It cannot show spare capacity beyond that (Chromium caps its rise at about 1.5 times the incoming
/// rate). So congestion is "the estimate stays below <see cref="BitrateTierPolicyOptions.CongestedBelow"/>
/// of the rate sent" for <see cref="BitrateTierPolicyOptions.DownHold"/>, which steps one tier down; and
/// the way up is a try: after <see cref="BitrateTierPolicyOptions.UpHold"/> without congestion, one tier up.
/// </para>
/// Hysteresis, so a receiver does not flap: congestion must last before a step down, an up-step needs a
/// quiet hold, and a try that fails (congestion soon after) doubles the next hold, up to
/// <see cref="BitrateTierPolicyOptions.MaxUpHold"/>. Pure: time comes from the <see cref="TimeProvider"/>.
/// Not thread-safe (one receiver's feedback path).
/// </summary>
public sealed class BitrateTierPolicy
{
    private readonly TimeProvider _time;
    private readonly BitrateTierPolicyOptions _options;
    private long _changedAt;
    private long _lastUpAt;
    private bool _hasGoneUp;
    private long _lastCongestedAt;
    private long _congestedSince;
    private bool _congested;

    public BitrateTierPolicy(TimeProvider time, BitrateTierPolicyOptions? options = null, BitrateTier initial = BitrateTier.Full)
    {
        _time = time;
        _options = options ?? new BitrateTierPolicyOptions();
        Tier = initial;
        UpHold = _options.UpHold;
        _changedAt = _lastCongestedAt = time.GetTimestamp();
    }

    public BitrateTier Tier { get; private set; }

    /// <summary>The quiet time the next step up waits for (grows after failed tries).</summary>
    public TimeSpan UpHold { get; private set; }

    /// <summary>
    /// One estimate from the receiver (bits per second) while it is sent <paramref name="sentBitrate"/> (bits per
    /// second, measured). Returns true when the tier changed.
    /// </summary>
    public bool Update(ulong estimate, long sentBitrate)
    {
        var now = _time.GetTimestamp();
        if (sentBitrate > 0 && estimate < _options.CongestedBelow * sentBitrate)
        {
            _lastCongestedAt = now;
            if (!_congested)
            {
                _congested = true;
                _congestedSince = now;
            }
            if (Tier == BitrateTier.Low || _time.GetElapsedTime(_congestedSince, now) < _options.DownHold)
                return false;
            if (_hasGoneUp && _time.GetElapsedTime(_lastUpAt, now) < _options.FailedTryWindow)
                UpHold = TimeSpan.FromTicks(Math.Min(UpHold.Ticks * 2, _options.MaxUpHold.Ticks));
            _congested = false;
            return Change(Tier - 1, now);
        }
        _congested = false;
        if (Tier == BitrateTier.Full
            || _time.GetElapsedTime(_changedAt, now) < UpHold
            || _time.GetElapsedTime(_lastCongestedAt, now) < UpHold)
            return false;
        _hasGoneUp = true;
        _lastUpAt = now;
        return Change(Tier + 1, now);
    }

    private bool Change(BitrateTier tier, long now)
    {
        Tier = tier;
        _changedAt = now;
        return true;
    }
}
