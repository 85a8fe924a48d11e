namespace Appliance.Media.Jitter;

/// <summary>What a call into <see cref="VideoJitterBuffer"/> caused. Several may happen at once.</summary>
[Flags]
public enum JitterBufferResult
{
    /// <summary>Packet stored; nothing released.</summary>
    None = 0,

    /// <summary>One or more frames are ready: take them with <see cref="VideoJitterBuffer.TryDequeue"/>.</summary>
    FrameReady = 1 << 0,

    /// <summary>The decoder's reference chain is broken: ask the sender for a key frame (PLI).</summary>
    KeyFrameNeeded = 1 << 1,

    /// <summary>An incomplete frame timed out and was dropped with the packets behind it.</summary>
    FrameDropped = 1 << 2,

    /// <summary>The packet was already held; ignored.</summary>
    Duplicate = 1 << 3,

    /// <summary>The packet belongs to a frame already released or skipped; ignored.</summary>
    Late = 1 << 4,

    /// <summary>The payload is malformed or too large; counted and dropped.</summary>
    Malformed = 1 << 5,

    /// <summary>The packet or byte limit was reached: the buffer was flushed.</summary>
    Overflow = 1 << 6,
}
