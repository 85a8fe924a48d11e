namespace Appliance.Mcu.RateAdaptation;

/// <summary>The thresholds and hold times of <see cref="BitrateTierPolicy"/>.</summary>
public sealed record BitrateTierPolicyOptions
{
    /// <summary>
    /// The link is congested while the receiver's estimate stays below this share of what it is sent. One overuse
    /// detection in Chromium sets the estimate to 0.85 of the incoming rate (a queue that drained); only repeated
    /// ones (0.85² ≈ 0.72 and below) mean the link cannot carry the stream.
    /// </summary>
    public double CongestedBelow { get; init; } = 0.7;

    /// <summary>How long congestion must last before the receiver goes one tier down (one low REMB is not enough).</summary>
    public TimeSpan DownHold { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a receiver must go without congestion before it tries the tier above.</summary>
    public TimeSpan UpHold { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>The longest <see cref="UpHold"/> grows to after failed tries (it doubles after each).</summary>
    public TimeSpan MaxUpHold { get; init; } = TimeSpan.FromSeconds(64);

    /// <summary>A step down this soon after a step up means the try failed: the next try waits twice as long.</summary>
    public TimeSpan FailedTryWindow { get; init; } = TimeSpan.FromSeconds(10);
}
