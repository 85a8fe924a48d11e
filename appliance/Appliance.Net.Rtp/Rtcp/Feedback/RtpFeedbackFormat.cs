namespace Appliance.Net.Rtcp;

/// <summary>FMT values of transport layer feedback (PT=205).</summary>
public static class RtpFeedbackFormat
{
    /// <summary>Generic NACK (RFC 4585 6.2.1).</summary>
    public const int GenericNack = 1;

    /// <summary>Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 3.1).</summary>
    public const int TransportCc = 15;
}
