namespace Appliance.Net.Sdp.Negotiation;

/// <summary>The RTP encoding names the box negotiates (as in "a=rtpmap", compared case-insensitively).</summary>
public static class CodecNames
{
    /// <summary>Opus (RFC 7587 7: "opus/48000/2").</summary>
    public const string Opus = "opus";

    /// <summary>H.264 (RFC 6184).</summary>
    public const string H264 = "H264";

    /// <summary>VP8 (RFC 7741).</summary>
    public const string Vp8 = "VP8";

    /// <summary>Retransmission (RFC 4588 8.1: "rtx/90000" with "apt=").</summary>
    public const string Rtx = "rtx";
}
