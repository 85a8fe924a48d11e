using System.Buffers.Binary;

namespace Appliance.Net.Rtcp;

/// <summary>
/// The common layout of RTP/AVPF feedback messages (RFC 4585 6.1), PT=205 (RTPFB) or PT=206 (PSFB):
/// <code>
/// |V=2|P|   FMT   |       PT      |          length               |
/// |                  SSRC of packet sender                        |
/// |                  SSRC of media source                         |
/// :            Feedback Control Information (FCI)                 :
/// </code>
/// </summary>
public readonly ref struct RtcpFeedbackPacket
{
    /// <summary>Header plus the two SSRCs.</summary>
    public const int FixedLength = RtcpHeader.Length + 8;

    private readonly ReadOnlySpan<byte> _body;

    private RtcpFeedbackPacket(RtcpPacketType type, int format, ReadOnlySpan<byte> body)
    {
        PacketType = type;
        Format = format;
        _body = body;
    }

    /// <summary>Views <paramref name="packet"/> as feedback of the given type and FMT; false otherwise or if shorter than 12 bytes.</summary>
    public static bool TryParse(RtcpPacket packet, RtcpPacketType type, int format, out RtcpFeedbackPacket feedback)
    {
        feedback = default;
        if (packet.PacketType != type || packet.Format != format)
        {
            return false;
        }

        return TryParse(packet, out feedback);
    }

    /// <summary>Views any RTPFB or PSFB packet; false for other types or a body shorter than the two SSRCs.</summary>
    public static bool TryParse(RtcpPacket packet, out RtcpFeedbackPacket feedback)
    {
        feedback = default;
        ReadOnlySpan<byte> body = packet.Body;
        if (packet.PacketType is not (RtcpPacketType.TransportLayerFeedback or RtcpPacketType.PayloadSpecificFeedback) || body.Length < 8)
        {
            return false;
        }

        feedback = new RtcpFeedbackPacket(packet.PacketType, packet.Format, body);
        return true;
    }

    /// <summary>RTPFB or PSFB.</summary>
    public RtcpPacketType PacketType { get; }

    /// <summary>Feedback message type (FMT).</summary>
    public int Format { get; }

    /// <summary>SSRC of packet sender.</summary>
    public uint SenderSsrc => BinaryPrimitives.ReadUInt32BigEndian(_body);

    /// <summary>SSRC of media source.</summary>
    public uint MediaSsrc => BinaryPrimitives.ReadUInt32BigEndian(_body.Slice(4));

    /// <summary>Feedback control information.</summary>
    public ReadOnlySpan<byte> Fci => _body[8..];

    /// <summary>
    /// Writes the header and SSRCs of a feedback packet whose FCI is <paramref name="fciLength"/> bytes
    /// (a multiple of 4); the caller writes the FCI at offset 12. False if it does not fit.
    /// </summary>
    internal static bool TryWriteHeader(Span<byte> destination, RtcpPacketType type, int format, uint senderSsrc, uint mediaSsrc, int fciLength)
    {
        int length = FixedLength + fciLength;
        if (length > destination.Length || length > RtcpHeader.MaxPacketLength || fciLength % 4 != 0)
        {
            return false;
        }

        RtcpHeader.Write(destination, format, type, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), senderSsrc);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(8), mediaSsrc);
        return true;
    }
}
