using System.Buffers.Binary;

namespace Appliance.Net.Rtcp;

/// <summary>
/// Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 3.1):
/// RTPFB (PT=205), FMT=15.
/// <code>
/// |V=2|P|  FMT=15 |    PT=205     |           length              |
/// |                     SSRC of packet sender                     |
/// |                      SSRC of media source                     |
/// |      base sequence number     |      packet status count      |
/// |                 reference time                | fb pkt. count |
/// |          packet chunk         |         packet chunk          |
/// .                                                               .
/// |         packet chunk          |  recv delta   |  recv delta   |
/// .                                                               .
/// |           recv delta          |  recv delta   | zero padding  |
/// </code>
/// </summary>
public readonly ref struct RtcpTransportCcFeedback
{
    /// <summary>Bytes of FCI before the first packet chunk.</summary>
    internal const int FciHeaderLength = 8;

    private readonly ReadOnlySpan<byte> _fci;
    private readonly int _deltasOffset;

    private RtcpTransportCcFeedback(uint senderSsrc, uint mediaSsrc, ReadOnlySpan<byte> fci, int deltasOffset)
    {
        SenderSsrc = senderSsrc;
        MediaSsrc = mediaSsrc;
        _fci = fci;
        _deltasOffset = deltasOffset;
    }

    /// <summary>
    /// Views <paramref name="packet"/> as transport-cc feedback. False, never throws, when the chunks do not
    /// cover the packet status count, a status symbol is the reserved 11 (libwebrtc rejects it too), or the
    /// receive deltas overrun. Feedback without receive deltas (only defined by the transport-wide-cc-02
    /// extension, which this stack does not negotiate) is therefore refused as well.
    /// </summary>
    public static bool TryParse(RtcpPacket packet, out RtcpTransportCcFeedback feedback)
    {
        feedback = default;
        if (!RtcpFeedbackPacket.TryParse(packet, RtcpPacketType.TransportLayerFeedback, RtpFeedbackFormat.TransportCc, out RtcpFeedbackPacket fb))
        {
            return false;
        }

        ReadOnlySpan<byte> fci = fb.Fci;
        if (fci.Length < FciHeaderLength)
        {
            return false;
        }

        int remaining = BinaryPrimitives.ReadUInt16BigEndian(fci.Slice(2));
        int offset = FciHeaderLength;
        int deltaBytes = 0;
        while (remaining > 0)
        {
            if (offset + 2 > fci.Length)
            {
                return false;
            }

            ushort chunk = BinaryPrimitives.ReadUInt16BigEndian(fci.Slice(offset));
            offset += 2;
            int count = Math.Min(TransportCcChunk.SymbolCount(chunk), remaining);
            for (int i = 0; i < count; i++)
            {
                int size = TransportCcChunk.DeltaSize(TransportCcChunk.GetSymbol(chunk, i));
                if (size < 0)
                {
                    return false;
                }

                deltaBytes += size;
            }

            remaining -= count;
        }

        if (offset + deltaBytes > fci.Length)
        {
            return false;
        }

        feedback = new RtcpTransportCcFeedback(fb.SenderSsrc, fb.MediaSsrc, fci, offset);
        return true;
    }

    /// <summary>SSRC of packet sender.</summary>
    public uint SenderSsrc { get; }

    /// <summary>SSRC of media source (unused by the draft; Chrome puts one of its media SSRCs here).</summary>
    public uint MediaSsrc { get; }

    /// <summary>"base sequence number: The transport-wide sequence number of the first packet in this feedback."</summary>
    public ushort BaseSequenceNumber => BinaryPrimitives.ReadUInt16BigEndian(_fci);

    /// <summary>"packet status count: The number of packets this feedback contains status for".</summary>
    public int PacketStatusCount => BinaryPrimitives.ReadUInt16BigEndian(_fci.Slice(2));

    /// <summary>"reference time: 24 bits Signed integer ... in multiples of 64ms" (sign-extended here).</summary>
    public int ReferenceTime => ((_fci[4] << 24) | (_fci[5] << 16) | (_fci[6] << 8)) >> 8;

    /// <summary>"feedback packet count: A counter incremented by one for each feedback packet sent".</summary>
    public byte FeedbackPacketCount => _fci[7];

    /// <summary>The status of every packet from the base sequence number on, in order.</summary>
    public TransportCcPacketStatusEnumerator GetEnumerator() =>
        new(_fci[FciHeaderLength.._deltasOffset], _fci[_deltasOffset..], BaseSequenceNumber, PacketStatusCount, (long)ReferenceTime * 256);
}
