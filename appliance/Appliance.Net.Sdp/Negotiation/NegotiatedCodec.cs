namespace Appliance.Net.Sdp.Negotiation;

/// <summary>The codec both sides use on one m= section (the payload type is the offer's).</summary>
/// <param name="PayloadType">The RTP payload type of the media.</param>
/// <param name="Name">The encoding name as offered, e.g. "opus", "H264", "VP8".</param>
/// <param name="ClockRate">The RTP clock rate (48000 for Opus, 90000 for video).</param>
/// <param name="Channels">The channel count for audio, else null.</param>
/// <param name="Fmtp">The answered format parameters, or null.</param>
/// <param name="RtcpFeedback">The negotiated "a=rtcp-fb" values, e.g. "nack pli".</param>
/// <param name="RtxPayloadType">The RTX payload type (RFC 4588) bound to this codec by "apt=", or null.</param>
public sealed record NegotiatedCodec(
    int PayloadType,
    string Name,
    int ClockRate,
    int? Channels,
    string? Fmtp,
    IReadOnlyList<string> RtcpFeedback,
    int? RtxPayloadType)
{
    /// <summary>True when the codec has the given encoding name (case-insensitive).</summary>
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when "a=rtcp-fb" negotiated this value, e.g. "nack pli".</summary>
    public bool HasFeedback(string value) => RtcpFeedback.Contains(value, StringComparer.Ordinal);
}
