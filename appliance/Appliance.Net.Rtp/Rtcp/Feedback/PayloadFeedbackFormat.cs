namespace Appliance.Net.Rtcp;

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
