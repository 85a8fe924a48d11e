using System.Buffers.Binary;

namespace Appliance.Net.Rtcp;

/// <summary>
/// Full Intra Request (RFC 5104 4.3.1): PSFB (PT=206), FMT=4. "The 'SSRC of media source' is not used and
/// SHALL be set to 0." FCI entries:
/// <code>
/// |                              SSRC                             |
/// | Seq nr.       |    Reserved                                   |
/// </code>
/// "Seq nr: Command sequence number ... incremented by one modulo 2^8 for each new command".
/// </summary>
public readonly ref struct RtcpFullIntraRequest
{
    private const int ItemLength = 8;

    private readonly RtcpFeedbackPacket _feedback;

    private RtcpFullIntraRequest(RtcpFeedbackPacket feedback) => _feedback = feedback;

    /// <summary>Views <paramref name="packet"/> as a FIR; false otherwise or without any whole entry.</summary>
    public static bool TryParse(RtcpPacket packet, out RtcpFullIntraRequest fir)
    {
        fir = default;
        if (!RtcpFeedbackPacket.TryParse(packet, RtcpPacketType.PayloadSpecificFeedback, PayloadFeedbackFormat.FullIntraRequest, out RtcpFeedbackPacket feedback)
            || feedback.Fci.Length < ItemLength)
        {
            return false;
        }

        fir = new RtcpFullIntraRequest(feedback);
        return true;
    }

    /// <summary>SSRC of packet sender.</summary>
    public uint SenderSsrc => _feedback.SenderSsrc;

    /// <summary>Number of FCI entries.</summary>
    public int ItemCount => _feedback.Fci.Length / ItemLength;

    /// <summary>The entry at <paramref name="index"/>.</summary>
    public RtcpFirItem GetItem(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)ItemCount, nameof(index));
        ReadOnlySpan<byte> entry = _feedback.Fci.Slice(ItemLength * index, ItemLength);
        return new RtcpFirItem(BinaryPrimitives.ReadUInt32BigEndian(entry), entry[4]);
    }

    /// <summary>Finds the entry addressed to <paramref name="ssrc"/>.</summary>
    public bool TryGetItem(uint ssrc, out RtcpFirItem item)
    {
        for (int i = 0; i < ItemCount; i++)
        {
            item = GetItem(i);
            if (item.Ssrc == ssrc)
            {
                return true;
            }
        }

        item = default;
        return false;
    }

    /// <summary>Writes a FIR with at least one entry.</summary>
    public static bool TryWrite(Span<byte> destination, uint senderSsrc, ReadOnlySpan<RtcpFirItem> items, out int written)
    {
        written = 0;
        if (items.IsEmpty
            || !RtcpFeedbackPacket.TryWriteHeader(destination, RtcpPacketType.PayloadSpecificFeedback, PayloadFeedbackFormat.FullIntraRequest, senderSsrc, 0, ItemLength * items.Length))
        {
            return false;
        }

        int offset = RtcpFeedbackPacket.FixedLength;
        foreach (RtcpFirItem item in items)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(offset), item.Ssrc);
            destination[offset + 4] = item.SequenceNumber;
            destination.Slice(offset + 5, 3).Clear();
            offset += ItemLength;
        }

        written = offset;
        return true;
    }
}
