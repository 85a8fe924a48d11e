namespace Appliance.Net.Sdp.Negotiation;

/// <summary>The "a=rtcp-fb" values (without payload type) the box supports.</summary>
public static class RtcpFeedbackValues
{
    /// <summary>Generic NACK (RFC 4585 4.2).</summary>
    public const string Nack = "nack";

    /// <summary>Picture loss indication (RFC 4585 4.2).</summary>
    public const string NackPli = "nack pli";

    /// <summary>Full intra request (RFC 5104 7.1).</summary>
    public const string CcmFir = "ccm fir";

    /// <summary>Receiver estimated maximum bitrate (draft-alvestrand-rmcat-remb).</summary>
    public const string GoogRemb = "goog-remb";

    /// <summary>Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01).</summary>
    public const string TransportCc = "transport-cc";

    /// <summary>All five, the box's default set.</summary>
    public static IReadOnlyList<string> BoxDefaults { get; } = [Nack, NackPli, CcmFir, GoogRemb, TransportCc];
}
