namespace Appliance.Media.Streams;

/// <summary>Tuning of <see cref="KeyFrameRequestManager"/>.</summary>
public sealed record KeyFrameRequestOptions
{
    /// <summary>Least time between two PLIs for one source, whatever asks (the throttle).</summary>
    public TimeSpan MinInterval { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Time after a PLI without a key frame before it is sent again.</summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(1);
}
