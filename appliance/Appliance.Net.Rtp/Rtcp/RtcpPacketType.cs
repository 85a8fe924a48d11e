namespace Appliance.Net.Rtcp;

/// <summary>RTCP packet types (RFC 3550 12.1, RFC 4585 6.1).</summary>
public enum RtcpPacketType : byte
{
    /// <summary>SR: sender report (RFC 3550 6.4.1).</summary>
    SenderReport = 200,

    /// <summary>RR: receiver report (RFC 3550 6.4.2).</summary>
    ReceiverReport = 201,

    /// <summary>SDES: source description (RFC 3550 6.5).</summary>
    SourceDescription = 202,

    /// <summary>BYE: goodbye (RFC 3550 6.6).</summary>
    Bye = 203,

    /// <summary>APP: application-defined (RFC 3550 6.7).</summary>
    ApplicationDefined = 204,

    /// <summary>RTPFB: transport layer feedback (RFC 4585 6.2).</summary>
    TransportLayerFeedback = 205,

    /// <summary>PSFB: payload-specific feedback (RFC 4585 6.3).</summary>
    PayloadSpecificFeedback = 206,
}

/// <summary>FMT values of transport layer feedback (PT=205).</summary>
public static class RtpFeedbackFormat
{
    /// <summary>Generic NACK (RFC 4585 6.2.1).</summary>
    public const int GenericNack = 1;

    /// <summary>Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 3.1).</summary>
    public const int TransportCc = 15;
}

/// <summary>FMT values of payload-specific feedback (PT=206).</summary>
public static class PayloadFeedbackFormat
{
    /// <summary>Picture loss indication (RFC 4585 6.3.1).</summary>
    public const int PictureLossIndication = 1;

    /// <summary>Full intra request (RFC 5104 4.3.1).</summary>
    public const int FullIntraRequest = 4;

    /// <summary>Application layer feedback (RFC 4585 6.4), used by REMB.</summary>
    public const int ApplicationLayerFeedback = 15;
}
