namespace Appliance.Hwaccel.Codecs;

/// <summary>What happened to one encoded frame given to a decoder. Decoding never throws on bad input.</summary>
public enum DecodeStatus
{
    /// <summary>Accepted; pictures may be waiting in <see cref="IVideoDecoder.TryReceive"/>.</summary>
    Accepted,

    /// <summary>The bitstream was corrupt; it was dropped and the decoder waits for a keyframe.</summary>
    Corrupt,

    /// <summary>Dropped unread: the decoder is waiting for a keyframe after an error.</summary>
    WaitingForKeyframe,
}
