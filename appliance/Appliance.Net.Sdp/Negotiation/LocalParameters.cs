using Appliance.Net.Sdp.Attributes;

namespace Appliance.Net.Sdp.Negotiation;

/// <summary>What the box puts into its answers.</summary>
/// <param name="IceUfrag">The box's ICE username fragment (RFC 8839 5.4); renew it on an ICE restart.</param>
/// <param name="IcePwd">The box's ICE password (RFC 8839 5.4).</param>
/// <param name="Fingerprint">The hash of the box's DTLS certificate (RFC 8122 5).</param>
/// <param name="Candidates">
/// Host candidates as "a=candidate:" values, e.g. "1 1 udp 2130706431 192.168.1.10 50000 typ host";
/// the first UDP one also gives the m= port and c= address.
/// </param>
/// <param name="Streams">The box's outgoing SSRCs and ids.</param>
/// <param name="SessionId">The o= session id (digits), kept for the whole session.</param>
public sealed record LocalParameters(
    string IceUfrag,
    string IcePwd,
    Fingerprint Fingerprint,
    IReadOnlyList<string> Candidates,
    LocalStreams Streams,
    string SessionId)
{
    /// <summary>Video codecs in order of preference: <see cref="CodecNames.H264"/> and/or <see cref="CodecNames.Vp8"/>.</summary>
    public IReadOnlyList<string> VideoCodecPreference { get; init; } = [CodecNames.H264, CodecNames.Vp8];

    /// <summary>The header extension URIs the box accepts (answered with the offer's ids).</summary>
    public IReadOnlyList<string> HeaderExtensions { get; init; } = HeaderExtensionUris.BoxDefaults;

    /// <summary>The RTCP feedback the box accepts, as "a=rtcp-fb" values without payload type.</summary>
    public IReadOnlyList<string> RtcpFeedback { get; init; } = RtcpFeedbackValues.BoxDefaults;
}
