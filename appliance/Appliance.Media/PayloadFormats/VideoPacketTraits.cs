namespace Appliance.Media.PayloadFormats;

/// <summary>
/// What one RTP payload says about the frame it belongs to, learnt without copying it.
/// The jitter buffer uses these to decide whether a frame is complete and decodable.
/// </summary>
[Flags]
public enum VideoPacketTraits
{
    /// <summary>Nothing special.</summary>
    None = 0,

    /// <summary>
    /// The payload certainly begins a frame: VP8 with S=1 and PID=0 (RFC 7741 section 4.2);
    /// H.264 whose first NAL unit is an SPS or access unit delimiter.
    /// </summary>
    FrameStart = 1 << 0,

    /// <summary>The payload carries (the start of) a key frame: VP8 P=0, or an H.264 IDR slice (NAL type 5).</summary>
    KeyFrame = 1 << 1,

    /// <summary>H.264: carries a sequence parameter set (NAL type 7).</summary>
    SequenceParameterSet = 1 << 2,

    /// <summary>H.264: carries a picture parameter set (NAL type 8).</summary>
    PictureParameterSet = 1 << 3,

    /// <summary>H.264 FU-A with the S bit: first fragment of a NAL unit (RFC 6184 section 5.8).</summary>
    FragmentStart = 1 << 4,

    /// <summary>H.264 FU-A with the E bit: last fragment of a NAL unit.</summary>
    FragmentEnd = 1 << 5,

    /// <summary>H.264 FU-A: the payload is a fragment (start, middle or end).</summary>
    Fragment = 1 << 6,
}
