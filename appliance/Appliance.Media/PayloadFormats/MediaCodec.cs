namespace Appliance.Media.PayloadFormats;

/// <summary>The codecs the appliance negotiates (DESIGN.md section 3).</summary>
public enum MediaCodec
{
    /// <summary>H.264 constrained baseline, RFC 6184 packetization-mode 1.</summary>
    H264,

    /// <summary>VP8, RFC 7741.</summary>
    Vp8,

    /// <summary>Opus, RFC 7587.</summary>
    Opus,
}
