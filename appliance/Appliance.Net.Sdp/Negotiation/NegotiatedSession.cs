using Appliance.Net.Sdp.Attributes;
using Appliance.Net.Sdp.Model;

namespace Appliance.Net.Sdp.Negotiation;

/// <summary>
/// Everything one offer/answer settled: the remote ICE and DTLS parameters and each m= section.
/// Pass it back to <see cref="AnswerBuilder.CreateAnswer"/> for the next offer of the same session
/// so that mids, roles and payload types stay stable.
/// </summary>
public sealed record NegotiatedSession
{
    /// <summary>The browser's ICE username fragment (RFC 8839 5.4).</summary>
    public required string RemoteIceUfrag { get; init; }

    /// <summary>The browser's ICE password.</summary>
    public required string RemoteIcePwd { get; init; }

    /// <summary>The box's ICE username fragment used in this answer.</summary>
    public required string LocalIceUfrag { get; init; }

    /// <summary>The browser's DTLS certificate fingerprint (sha-256 when offered).</summary>
    public required Fingerprint RemoteFingerprint { get; init; }

    /// <summary>The browser's "a=setup" (actpass or active).</summary>
    public required SetupRole RemoteSetup { get; init; }

    /// <summary>The box's "a=setup": always passive, so the box is the DTLS server (RFC 5763 5).</summary>
    public SetupRole LocalSetup => SetupRole.Passive;

    /// <summary>True when this offer changed the browser's ufrag: an ICE restart (RFC 8839 4.4.1.1.1).</summary>
    public required bool IceRestart { get; init; }

    /// <summary>The mids in the answer's BUNDLE group, in order (all share one transport).</summary>
    public required IReadOnlyList<string> BundleMids { get; init; }

    /// <summary>One entry per offered m= section, in order.</summary>
    public required IReadOnlyList<NegotiatedMedia> Media { get; init; }

    /// <summary>The answer as a model.</summary>
    public required SessionDescription Answer { get; init; }

    /// <summary>The answer as SDP text (CRLF), ready for signaling.</summary>
    public required string AnswerSdp { get; init; }

    /// <summary>The section with this mid, or null.</summary>
    public NegotiatedMedia? FindByMid(string mid) => Media.FirstOrDefault(m => m.Mid == mid);

    /// <summary>The accepted main section of a kind ("audio" or "video"), or null.</summary>
    public NegotiatedMedia? Main(string kind) => Media.FirstOrDefault(m => m.Kind == kind && m.Role == MediaRole.Main);
}
