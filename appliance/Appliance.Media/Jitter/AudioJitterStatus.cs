namespace Appliance.Media.Jitter;

/// <summary>What <see cref="AudioJitterBuffer.Dequeue"/> produced for one playout tick.</summary>
public enum AudioJitterStatus
{
    /// <summary>Not playing yet (filling to the target delay, or after the stream stopped): play silence.</summary>
    Buffering,

    /// <summary>The frame is in the destination buffer: decode it.</summary>
    Frame,

    /// <summary>The frame for this tick was lost or is late: run the decoder's packet loss concealment.</summary>
    Missing,
}
