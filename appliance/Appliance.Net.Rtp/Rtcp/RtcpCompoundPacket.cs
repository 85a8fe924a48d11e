namespace Appliance.Net.Rtcp;

/// <summary>
/// A validated RTCP datagram: a compound packet (RFC 3550 6.1) or, when reduced-size RTCP was negotiated,
/// any sequence of packets including a single non-compound one (RFC 5506 3.1). Iterate with foreach.
/// </summary>
/// <remarks>
/// Checks, after RFC 3550 appendix A.2: every packet has version 2; the packets' lengths add up exactly to
/// the datagram; only the last packet carries padding ("padding should only be applied, if it is needed,
/// to the last packet"); and, for a compound packet, the first packet is an SR or RR
/// (RFC 3550 6.1: "The first RTCP packet in the compound packet MUST always be a report packet").
/// </remarks>
public readonly ref struct RtcpCompoundPacket
{
    private RtcpCompoundPacket(ReadOnlySpan<byte> buffer, int packetCount)
    {
        Buffer = buffer;
        PacketCount = packetCount;
    }

    /// <summary>The datagram.</summary>
    public ReadOnlySpan<byte> Buffer { get; }

    /// <summary>Number of RTCP packets in it (at least 1).</summary>
    public int PacketCount { get; }

    /// <summary>
    /// Validates <paramref name="datagram"/>; false, never throws, if malformed. With
    /// <paramref name="allowReducedSize"/> (RFC 5506, <c>a=rtcp-rsize</c>) the first packet may be of any type.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, out RtcpCompoundPacket compound, bool allowReducedSize = true)
    {
        compound = default;
        int offset = 0;
        int count = 0;
        while (offset < datagram.Length)
        {
            if (!RtcpPacket.TryRead(datagram[offset..], out RtcpPacket packet))
            {
                return false;
            }

            bool isLast = offset + packet.Length == datagram.Length;
            if (packet.HasPadding && !isLast)
            {
                return false;
            }

            if (count == 0 && !allowReducedSize
                && packet.PacketType is not (RtcpPacketType.SenderReport or RtcpPacketType.ReceiverReport))
            {
                return false;
            }

            offset += packet.Length;
            count++;
        }

        if (count == 0)
        {
            return false;
        }

        compound = new RtcpCompoundPacket(datagram, count);
        return true;
    }

    /// <summary>Enumerates the packets.</summary>
    public RtcpPacketEnumerator GetEnumerator() => new(Buffer);
}
