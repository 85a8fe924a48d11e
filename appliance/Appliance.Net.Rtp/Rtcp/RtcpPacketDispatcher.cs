using Microsoft.Extensions.Logging;

namespace Appliance.Net.Rtcp;

/// <summary>
/// Validates an RTCP datagram (RFC 3550 A.2, RFC 5506) and hands each packet, as its typed view, to an
/// <see cref="IRtcpPacketHandler"/>. The packet path never throws: a malformed datagram is dropped whole,
/// a malformed packet inside a valid datagram is skipped, and both are counted and logged at Debug.
/// One dispatcher per transport; the counters may be read from any thread.
/// </summary>
public sealed partial class RtcpPacketDispatcher
{
    private readonly ILogger<RtcpPacketDispatcher> _logger;
    private readonly bool _allowReducedSize;
    private long _datagrams;
    private long _malformedDatagrams;
    private long _malformedPackets;
    private long _otherPackets;

    /// <summary>Creates a dispatcher. <paramref name="allowReducedSize"/>: <c>a=rtcp-rsize</c> was negotiated (WebRTC always does).</summary>
    public RtcpPacketDispatcher(ILogger<RtcpPacketDispatcher> logger, bool allowReducedSize = true)
    {
        ArgumentNullException.ThrowIfNull(logger);
        _logger = logger;
        _allowReducedSize = allowReducedSize;
    }

    /// <summary>Datagrams given to <see cref="Dispatch"/>.</summary>
    public long Datagrams => Interlocked.Read(ref _datagrams);

    /// <summary>Datagrams dropped whole because their packet headers did not validate.</summary>
    public long MalformedDatagrams => Interlocked.Read(ref _malformedDatagrams);

    /// <summary>Packets skipped because their content did not match their type.</summary>
    public long MalformedPackets => Interlocked.Read(ref _malformedPackets);

    /// <summary>Well-formed packets of types not decoded here, passed to <see cref="IRtcpPacketHandler.OnOtherPacket"/>.</summary>
    public long OtherPackets => Interlocked.Read(ref _otherPackets);

    /// <summary>Dispatches every packet of <paramref name="datagram"/>; false if the datagram was dropped.</summary>
    public bool Dispatch(ReadOnlySpan<byte> datagram, IRtcpPacketHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        Interlocked.Increment(ref _datagrams);
        if (!RtcpCompoundPacket.TryParse(datagram, out RtcpCompoundPacket compound, _allowReducedSize))
        {
            Interlocked.Increment(ref _malformedDatagrams);
            LogMalformedDatagram(datagram.Length);
            return false;
        }

        foreach (RtcpPacket packet in compound)
        {
            if (!DispatchPacket(packet, handler))
            {
                Interlocked.Increment(ref _malformedPackets);
                LogMalformedPacket((byte)packet.PacketType, packet.Format, packet.Length);
            }
        }

        return true;
    }

    private bool DispatchPacket(RtcpPacket packet, IRtcpPacketHandler handler)
    {
        switch (packet.PacketType)
        {
            case RtcpPacketType.SenderReport when RtcpSenderReport.TryParse(packet, out RtcpSenderReport sr):
                handler.OnSenderReport(sr);
                return true;
            case RtcpPacketType.ReceiverReport when RtcpReceiverReport.TryParse(packet, out RtcpReceiverReport rr):
                handler.OnReceiverReport(rr);
                return true;
            case RtcpPacketType.SourceDescription when RtcpSourceDescription.TryParse(packet, out RtcpSourceDescription sdes):
                handler.OnSourceDescription(sdes);
                return true;
            case RtcpPacketType.Bye when RtcpBye.TryParse(packet, out RtcpBye bye):
                handler.OnBye(bye);
                return true;
            case RtcpPacketType.SenderReport or RtcpPacketType.ReceiverReport or RtcpPacketType.SourceDescription or RtcpPacketType.Bye:
                return false;
            case RtcpPacketType.TransportLayerFeedback:
                return DispatchTransportFeedback(packet, handler);
            case RtcpPacketType.PayloadSpecificFeedback:
                return DispatchPayloadFeedback(packet, handler);
            default:
                Other(packet, handler);
                return true;
        }
    }

    private bool DispatchTransportFeedback(RtcpPacket packet, IRtcpPacketHandler handler)
    {
        switch (packet.Format)
        {
            case RtpFeedbackFormat.GenericNack:
                if (!RtcpGenericNack.TryParse(packet, out RtcpGenericNack nack))
                {
                    return false;
                }

                handler.OnGenericNack(nack);
                return true;
            case RtpFeedbackFormat.TransportCc:
                if (!RtcpTransportCcFeedback.TryParse(packet, out RtcpTransportCcFeedback twcc))
                {
                    return false;
                }

                handler.OnTransportCc(twcc);
                return true;
            default:
                return Other(packet, handler);
        }
    }

    private bool DispatchPayloadFeedback(RtcpPacket packet, IRtcpPacketHandler handler)
    {
        switch (packet.Format)
        {
            case PayloadFeedbackFormat.PictureLossIndication:
                if (!RtcpPictureLossIndication.TryParse(packet, out RtcpPictureLossIndication pli))
                {
                    return false;
                }

                handler.OnPictureLossIndication(pli);
                return true;
            case PayloadFeedbackFormat.FullIntraRequest:
                if (!RtcpFullIntraRequest.TryParse(packet, out RtcpFullIntraRequest fir))
                {
                    return false;
                }

                handler.OnFullIntraRequest(fir);
                return true;
            case PayloadFeedbackFormat.ApplicationLayerFeedback when RtcpRemb.TryParse(packet, out RtcpRemb remb):
                handler.OnRemb(remb);
                return true;
            default:
                // Includes application layer feedback that is not REMB (another unique identifier).
                return Other(packet, handler);
        }
    }

    private bool Other(RtcpPacket packet, IRtcpPacketHandler handler)
    {
        Interlocked.Increment(ref _otherPackets);
        handler.OnOtherPacket(packet);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Dropped malformed RTCP datagram of {Length} bytes")]
    private partial void LogMalformedDatagram(int length);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped malformed RTCP packet type {PacketType} format {Format} of {Length} bytes")]
    private partial void LogMalformedPacket(byte packetType, int format, int length);
}
