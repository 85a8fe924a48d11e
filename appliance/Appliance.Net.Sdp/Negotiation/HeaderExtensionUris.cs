namespace Appliance.Net.Sdp.Negotiation;

/// <summary>The RTP header extension URIs (RFC 8285) the box understands.</summary>
public static class HeaderExtensionUris
{
    /// <summary>The MID of the m= section a packet belongs to (RFC 8843 15.1).</summary>
    public const string Mid = "urn:ietf:params:rtp-hdrext:sdes:mid";

    /// <summary>Absolute send time, used by REMB (webrtc.org).</summary>
    public const string AbsSendTime = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";

    /// <summary>Transport-wide sequence number for transport-cc feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01).</summary>
    public const string TransportWideCc = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

    /// <summary>Client-to-mixer audio level (RFC 6464).</summary>
    public const string SsrcAudioLevel = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

    /// <summary>All four, the box's default set.</summary>
    public static IReadOnlyList<string> BoxDefaults { get; } = [Mid, AbsSendTime, TransportWideCc, SsrcAudioLevel];
}
