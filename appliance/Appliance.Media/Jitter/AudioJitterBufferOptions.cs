namespace Appliance.Media.Jitter;

/// <summary>Tuning of <see cref="AudioJitterBuffer"/>.</summary>
public sealed record AudioJitterBufferOptions
{
    /// <summary>RTP timestamp units per frame: 960 for 20 ms Opus at 48 kHz.</summary>
    public int FrameSamples { get; init; } = 960;

    /// <summary>RTP clock rate in Hz.</summary>
    public int ClockRate { get; init; } = 48000;

    /// <summary>Audio held before playout starts, and the depth playout aims to keep.</summary>
    public TimeSpan TargetDelay { get; init; } = TimeSpan.FromMilliseconds(60);

    /// <summary>Frames beyond the target depth tolerated before the oldest is skipped to catch up.</summary>
    public int MaxExcessFrames { get; init; } = 4;

    /// <summary>Frames held at most (the ring size); a packet further ahead restarts the buffer.</summary>
    public int Capacity { get; init; } = 50;

    /// <summary>Largest payload accepted (RFC 6716 section 3.4: a 120 ms packet is at most 1275 bytes per frame).</summary>
    public int MaxPacketSize { get; init; } = 1500;

    /// <summary>Consecutive missing frames on an empty buffer after which playout stops and buffers again.</summary>
    public int MaxConsecutiveMissing { get; init; } = 25;
}
