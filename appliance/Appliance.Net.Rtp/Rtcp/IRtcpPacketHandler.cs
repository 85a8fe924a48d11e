namespace Appliance.Net.Rtcp;

/// <summary>
/// Receives the packets of an RTCP datagram from <see cref="RtcpPacketDispatcher"/>, each as its typed view.
/// Every method has an empty default, so a handler implements only what it uses. The views point into the
/// datagram buffer and are valid only during the call.
/// </summary>
public interface IRtcpPacketHandler
{
    /// <summary>SR (RFC 3550 6.4.1).</summary>
    void OnSenderReport(in RtcpSenderReport report)
    {
    }

    /// <summary>RR (RFC 3550 6.4.2).</summary>
    void OnReceiverReport(in RtcpReceiverReport report)
    {
    }

    /// <summary>SDES (RFC 3550 6.5).</summary>
    void OnSourceDescription(in RtcpSourceDescription description)
    {
    }

    /// <summary>BYE (RFC 3550 6.6).</summary>
    void OnBye(in RtcpBye bye)
    {
    }

    /// <summary>Generic NACK (RFC 4585 6.2.1).</summary>
    void OnGenericNack(in RtcpGenericNack nack)
    {
    }

    /// <summary>PLI (RFC 4585 6.3.1).</summary>
    void OnPictureLossIndication(in RtcpPictureLossIndication pli)
    {
    }

    /// <summary>FIR (RFC 5104 4.3.1).</summary>
    void OnFullIntraRequest(in RtcpFullIntraRequest fir)
    {
    }

    /// <summary>REMB (draft-alvestrand-rmcat-remb).</summary>
    void OnRemb(in RtcpRemb remb)
    {
    }

    /// <summary>Transport-cc feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01).</summary>
    void OnTransportCc(in RtcpTransportCcFeedback feedback)
    {
    }

    /// <summary>A well-formed packet of a type or format this assembly does not decode (APP, XR, other feedback).</summary>
    void OnOtherPacket(in RtcpPacket packet)
    {
    }
}
