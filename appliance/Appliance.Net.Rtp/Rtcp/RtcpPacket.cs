using System.Buffers.Binary;

namespace Appliance.Net.Rtcp;

/// <summary>
/// A view over one RTCP packet inside a (possibly compound) datagram: the common header fields and the
/// body. Typed views (<see cref="RtcpSenderReport"/>, <see cref="RtcpGenericNack"/>, ...) are made from it.
/// </summary>
public readonly ref struct RtcpPacket
{
    private RtcpPacket(ReadOnlySpan<byte> buffer, int paddingLength)
    {
        Buffer = buffer;
        PaddingLength = paddingLength;
    }

    /// <summary>
    /// Reads the packet at the start of <paramref name="data"/>. False, never throws, when the header is
    /// short, the version is not 2, the length field runs past the data, or the padding count is invalid.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out RtcpPacket packet)
    {
        packet = default;
        if (data.Length < RtcpHeader.Length || data[0] >> 6 != RtcpHeader.Version)
        {
            return false;
        }

        int length = (BinaryPrimitives.ReadUInt16BigEndian(data.Slice(2)) + 1) * 4;
        if (length > data.Length)
        {
            return false;
        }

        int paddingLength = 0;
        if ((data[0] & 0x20) != 0)
        {
            // RFC 3550 6.4.1: "the last octet of the padding is a count of how many padding octets should be ignored, including itself".
            paddingLength = data[length - 1];
            if (paddingLength == 0 || paddingLength > length - RtcpHeader.Length)
            {
                return false;
            }
        }

        packet = new RtcpPacket(data[..length], paddingLength);
        return true;
    }

    /// <summary>The whole packet, header and padding included.</summary>
    public ReadOnlySpan<byte> Buffer { get; }

    /// <summary>Packet length in bytes (a multiple of 4).</summary>
    public int Length => Buffer.Length;

    /// <summary>Padding octets at the end, 0 if the P bit is clear.</summary>
    public int PaddingLength { get; }

    /// <summary>True when the P bit is set.</summary>
    public bool HasPadding => (Buffer[0] & 0x20) != 0;

    /// <summary>The 5-bit field after P: report count (SR, RR), source count (SDES, BYE) or FMT (feedback).</summary>
    public int Count => Buffer[0] & 0x1F;

    /// <summary>Feedback message type (RFC 4585 6.1): the same bits as <see cref="Count"/>.</summary>
    public int Format => Count;

    /// <summary>Packet type (PT).</summary>
    public RtcpPacketType PacketType => (RtcpPacketType)Buffer[1];

    /// <summary>Everything after the 4-byte header, padding excluded.</summary>
    public ReadOnlySpan<byte> Body => Buffer[RtcpHeader.Length..(Buffer.Length - PaddingLength)];

    /// <summary>The first 32 bits after the header: the sender's SSRC for SR, RR, APP and feedback; false if absent.</summary>
    public bool TryGetSenderSsrc(out uint ssrc)
    {
        ReadOnlySpan<byte> body = Body;
        if (body.Length < 4)
        {
            ssrc = 0;
            return false;
        }

        ssrc = BinaryPrimitives.ReadUInt32BigEndian(body);
        return true;
    }
}
