namespace Appliance.Media.Jitter;

/// <summary>Limits and timing of <see cref="VideoJitterBuffer"/>.</summary>
public sealed record VideoJitterBufferOptions
{
    /// <summary>Packets held at most: a power of two up to 32768 (the ring is indexed by sequence number).</summary>
    public int MaxPackets { get; init; } = 512;

    /// <summary>Payload bytes held at most; more flushes the buffer and asks for a key frame.</summary>
    public long MaxBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Largest payload accepted.</summary>
    public int MaxPacketSize { get; init; } = 1500;

    /// <summary>
    /// How long an incomplete frame may hold up the frames behind it (time for NACK to repair it);
    /// after that it is dropped and a key frame is needed.
    /// </summary>
    public TimeSpan MaxFrameWait { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// "Late" packets in a row taken as a sender that restarted its sequence numbers behind the buffer's
    /// position: the buffer is flushed and waits for a key frame from the new numbering.
    /// </summary>
    public int MaxConsecutiveLate { get; init; } = 100;
}
