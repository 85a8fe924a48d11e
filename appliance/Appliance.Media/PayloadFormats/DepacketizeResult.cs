namespace Appliance.Media.PayloadFormats;

/// <summary>What happened when one RTP payload was pushed into a depacketizer. Several may happen at once.</summary>
[Flags]
public enum DepacketizeResult
{
    /// <summary>The payload was taken; no frame finished.</summary>
    None = 0,

    /// <summary>At least one whole frame is ready: take it with <see cref="IVideoDepacketizer.TryDequeue"/>.</summary>
    FrameReady = 1 << 0,

    /// <summary>
    /// A frame was thrown away because a packet or fragment of it is missing. The decoder's reference
    /// chain is broken: ask the sender for a key frame.
    /// </summary>
    FrameDiscarded = 1 << 1,

    /// <summary>The payload is malformed or uses a mode the appliance does not negotiate; it was counted and dropped.</summary>
    PacketMalformed = 1 << 2,

    /// <summary>The packet is older than one already consumed (late or duplicate); it was ignored.</summary>
    PacketLate = 1 << 3,
}
