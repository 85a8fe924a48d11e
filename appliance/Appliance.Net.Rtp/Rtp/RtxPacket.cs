using System.Buffers.Binary;

namespace Appliance.Net.Rtp;

/// <summary>
/// RTP retransmission payload format helpers (RFC 4588 section 4). An RTX packet is the original packet
/// sent on the retransmission stream: its own SSRC, sequence number and payload type, the original
/// timestamp, marker, CSRCs and header extensions, and a payload that starts with the original
/// sequence number:
/// <code>
///  0                   1                   2                   3
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                         RTP Header                            |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |            OSN                |                               |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               |
/// |                  Original RTP Packet Payload                  |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// </summary>
public static class RtxPacket
{
    /// <summary>Length of the original sequence number field.</summary>
    public const int OsnLength = 2;

    /// <summary>
    /// Writes the RTX packet for <paramref name="original"/> into <paramref name="destination"/> (which must not
    /// overlap it). The original's padding is not carried.
    /// </summary>
    public static bool TryWrap(RtpPacket original, Span<byte> destination, byte rtxPayloadType, ushort rtxSequenceNumber, uint rtxSsrc, out int written)
    {
        written = 0;
        int headerLength = original.HeaderLength;
        Span<byte> payload = original.Payload;
        int length = headerLength + OsnLength + payload.Length;
        if (length > destination.Length || rtxPayloadType > 127)
        {
            return false;
        }

        original.Buffer[..headerLength].CopyTo(destination);
        destination[0] &= 0xDF; // no padding
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(headerLength), original.SequenceNumber);
        payload.CopyTo(destination.Slice(headerLength + OsnLength));
        if (!RtpPacket.TryParse(destination[..length], out RtpPacket rtx))
        {
            return false;
        }

        rtx.PayloadType = rtxPayloadType;
        rtx.SequenceNumber = rtxSequenceNumber;
        rtx.Ssrc = rtxSsrc;
        written = length;
        return true;
    }

    /// <summary>Reads the original sequence number (OSN) of an RTX packet; false if its payload is shorter than 2 bytes.</summary>
    public static bool TryGetOriginalSequenceNumber(RtpPacket rtx, out ushort originalSequenceNumber)
    {
        Span<byte> payload = rtx.Payload;
        if (payload.Length < OsnLength)
        {
            originalSequenceNumber = 0;
            return false;
        }

        originalSequenceNumber = BinaryPrimitives.ReadUInt16BigEndian(payload);
        return true;
    }

    /// <summary>
    /// Writes the original packet of <paramref name="rtx"/> into <paramref name="destination"/> (which must not
    /// overlap it): the RTX header with the original sequence number, payload type and SSRC, then the payload
    /// after the OSN. False if the RTX payload is shorter than the OSN or the destination is too small.
    /// </summary>
    public static bool TryUnwrap(RtpPacket rtx, Span<byte> destination, byte originalPayloadType, uint originalSsrc, out int written)
    {
        written = 0;
        if (!TryGetOriginalSequenceNumber(rtx, out ushort osn))
        {
            return false;
        }

        int headerLength = rtx.HeaderLength;
        Span<byte> payload = rtx.Payload[OsnLength..];
        int length = headerLength + payload.Length;
        if (length > destination.Length || originalPayloadType > 127)
        {
            return false;
        }

        rtx.Buffer[..headerLength].CopyTo(destination);
        destination[0] &= 0xDF; // no padding
        payload.CopyTo(destination.Slice(headerLength));
        if (!RtpPacket.TryParse(destination[..length], out RtpPacket original))
        {
            return false;
        }

        original.SequenceNumber = osn;
        original.PayloadType = originalPayloadType;
        original.Ssrc = originalSsrc;
        written = length;
        return true;
    }

    /// <summary>
    /// Restores the original packet in place: the header moves forward over the OSN, so the original packet
    /// occupies the buffer from offset 2. Its padding, if any, is dropped. Returns false, leaving the buffer
    /// untouched, if the RTX payload is shorter than the OSN.
    /// </summary>
    public static bool TryUnwrapInPlace(RtpPacket rtx, byte originalPayloadType, uint originalSsrc, out RtpPacket original)
    {
        original = default;
        if (originalPayloadType > 127 || !TryGetOriginalSequenceNumber(rtx, out ushort osn))
        {
            return false;
        }

        int headerLength = rtx.HeaderLength;
        int payloadEnd = rtx.Length - rtx.PaddingLength;
        Span<byte> buffer = rtx.Buffer;
        buffer[..headerLength].CopyTo(buffer.Slice(OsnLength)); // overlapping copy is memmove-safe
        Span<byte> restored = buffer[OsnLength..payloadEnd];
        restored[0] &= 0xDF;
        if (!RtpPacket.TryParse(restored, out original))
        {
            return false;
        }

        original.SequenceNumber = osn;
        original.PayloadType = originalPayloadType;
        original.Ssrc = originalSsrc;
        return true;
    }
}
