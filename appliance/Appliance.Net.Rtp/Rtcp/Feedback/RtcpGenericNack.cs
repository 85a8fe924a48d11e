using System.Buffers.Binary;

namespace Appliance.Net.Rtcp;

/// <summary>
/// Generic NACK (RFC 4585 6.2.1): RTPFB (PT=205), FMT=1, FCI of one or more <see cref="RtcpNackItem"/>.
/// </summary>
public readonly ref struct RtcpGenericNack
{
    private readonly RtcpFeedbackPacket _feedback;

    private RtcpGenericNack(RtcpFeedbackPacket feedback) => _feedback = feedback;

    /// <summary>Views <paramref name="packet"/> as a Generic NACK; false otherwise or without any whole item.</summary>
    public static bool TryParse(RtcpPacket packet, out RtcpGenericNack nack)
    {
        nack = default;
        if (!RtcpFeedbackPacket.TryParse(packet, RtcpPacketType.TransportLayerFeedback, RtpFeedbackFormat.GenericNack, out RtcpFeedbackPacket feedback)
            || feedback.Fci.Length < 4)
        {
            return false;
        }

        nack = new RtcpGenericNack(feedback);
        return true;
    }

    /// <summary>SSRC of packet sender.</summary>
    public uint SenderSsrc => _feedback.SenderSsrc;

    /// <summary>SSRC of the media source whose packets are lost.</summary>
    public uint MediaSsrc => _feedback.MediaSsrc;

    /// <summary>Number of FCI entries.</summary>
    public int ItemCount => _feedback.Fci.Length / 4;

    /// <summary>The entry at <paramref name="index"/>.</summary>
    public RtcpNackItem GetItem(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)ItemCount, nameof(index));
        ReadOnlySpan<byte> entry = _feedback.Fci.Slice(4 * index, 4);
        return new RtcpNackItem(BinaryPrimitives.ReadUInt16BigEndian(entry), BinaryPrimitives.ReadUInt16BigEndian(entry.Slice(2)));
    }

    /// <summary>Writes a Generic NACK with at least one item.</summary>
    public static bool TryWrite(Span<byte> destination, uint senderSsrc, uint mediaSsrc, ReadOnlySpan<RtcpNackItem> items, out int written)
    {
        written = 0;
        if (items.IsEmpty
            || !RtcpFeedbackPacket.TryWriteHeader(destination, RtcpPacketType.TransportLayerFeedback, RtpFeedbackFormat.GenericNack, senderSsrc, mediaSsrc, 4 * items.Length))
        {
            return false;
        }

        int offset = RtcpFeedbackPacket.FixedLength;
        foreach (RtcpNackItem item in items)
        {
            BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(offset), item.PacketId);
            BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(offset + 2), item.LostBitmask);
            offset += 4;
        }

        written = offset;
        return true;
    }
}
