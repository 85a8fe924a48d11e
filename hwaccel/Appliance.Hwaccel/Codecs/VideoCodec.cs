namespace Appliance.Hwaccel.Codecs;

/// <summary>The video codecs the appliance speaks (DESIGN.md section 3: both are required).</summary>
public enum VideoCodec
{
    /// <summary>H.264 constrained baseline, packetization-mode 1 (RFC 6184).</summary>
    H264,

    /// <summary>VP8 (RFC 6386, RTP payload RFC 7741).</summary>
    Vp8,
}

/// <summary>Encode or decode.</summary>
public enum CodecDirection
{
    Encode,
    Decode,
}
