namespace Appliance.Media.Streams;

/// <summary>Tuning of <see cref="Pacer"/>.</summary>
public sealed record PacerOptions
{
    /// <summary>Sending rate in bits per second.</summary>
    public long TargetBitrate { get; init; } = 2_000_000;

    /// <summary>Bytes that may leave back to back after an idle period (the bucket's depth).</summary>
    public int BurstBytes { get; init; } = 6000;

    /// <summary>Packets held at most; more are dropped (counted).</summary>
    public int MaxQueuePackets { get; init; } = 1024;

    /// <summary>Largest packet accepted.</summary>
    public int MaxPacketSize { get; init; } = 1500;
}
