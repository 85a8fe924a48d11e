using Appliance.Net.Sdp.Attributes;

namespace Appliance.Net.Sdp.Negotiation;

/// <summary>The outcome of the offer/answer for one m= section: what the transport needs to carry it.</summary>
public sealed record NegotiatedMedia
{
    /// <summary>The position of the m= line in the offer and the answer.</summary>
    public required int Index { get; init; }

    /// <summary>The "a=mid" value, or null when the offer had none (then the section is rejected).</summary>
    public required string? Mid { get; init; }

    /// <summary>"audio", "video", "application", ...</summary>
    public required string Kind { get; init; }

    /// <summary>Main, Additional or Rejected.</summary>
    public required MediaRole Role { get; init; }

    /// <summary>Why the section was rejected, or null.</summary>
    public string? RejectionReason { get; init; }

    /// <summary>The answered direction, from the box's side (sendrecv, recvonly, inactive, ...).</summary>
    public MediaDirection Direction { get; init; } = MediaDirection.Inactive;

    /// <summary>The chosen codec (with its RTX payload type), or null when rejected.</summary>
    public NegotiatedCodec? Codec { get; init; }

    /// <summary>The negotiated header extension ids.</summary>
    public HeaderExtensionMap HeaderExtensions { get; init; } = HeaderExtensionMap.Empty;

    /// <summary>Every SSRC the browser announced with "a=ssrc" (may be empty: Firefox can omit them; then the mid extension tells).</summary>
    public IReadOnlyList<uint> RemoteSsrcs { get; init; } = [];

    /// <summary>The browser's media SSRC: the first of the FID group, else the first "a=ssrc"; null when not announced.</summary>
    public uint? RemoteSsrc { get; init; }

    /// <summary>The browser's RTX SSRC: the second of the FID group, or null.</summary>
    public uint? RemoteRtxSsrc { get; init; }

    /// <summary>The browser's "a=msid" (stream and track ids), or null.</summary>
    public Msid? RemoteMsid { get; init; }

    /// <summary>The box's SSRC on this section when it sends, else null.</summary>
    public uint? LocalSsrc { get; init; }

    /// <summary>The box's RTX SSRC on this section when it sends with RTX, else null.</summary>
    public uint? LocalRtxSsrc { get; init; }

    /// <summary>True when "a=rtcp-rsize" was offered and answered (RFC 5506).</summary>
    public bool RtcpReducedSize { get; init; }

    /// <summary>True unless the section was rejected.</summary>
    public bool IsAccepted => Role != MediaRole.Rejected;
}
