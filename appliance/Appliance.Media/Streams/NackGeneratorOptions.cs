namespace Appliance.Media.Streams;

/// <summary>Tuning of <see cref="NackGenerator"/>.</summary>
public sealed record NackGeneratorOptions
{
    /// <summary>Most missing packets tracked; a bigger loss asks for a key frame instead.</summary>
    public int MaxMissingPackets { get; init; } = 500;

    /// <summary>NACKs sent for one packet before giving up on it.</summary>
    public int MaxRetries { get; init; } = 10;

    /// <summary>Age after which a missing packet is given up even with retries left.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Floor of the interval between two NACKs for the same packet (the interval is the RTT otherwise).</summary>
    public TimeSpan MinRetryInterval { get; init; } = TimeSpan.FromMilliseconds(20);

    /// <summary>RTT assumed until <see cref="NackGenerator.UpdateRtt"/> is called.</summary>
    public TimeSpan InitialRtt { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Wait before the first NACK of a gap, so that packets merely reordered are not requested.
    /// Zero requests at once.
    /// </summary>
    public TimeSpan ReorderingDelay { get; init; } = TimeSpan.Zero;

    /// <summary>Old packets in a row taken as a sender that restarted its sequence numbers behind us.</summary>
    public int MaxConsecutiveOld { get; init; } = 100;
}
