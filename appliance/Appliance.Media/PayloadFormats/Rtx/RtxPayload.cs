using System.Buffers.Binary;

namespace Appliance.Media.PayloadFormats.Rtx;

/// <summary>
/// RFC 4588 retransmission payload (section 4): when RTX is negotiated, a retransmitted packet travels
/// on the RTX stream (own SSRC, sequence numbers and payload type) and its payload is
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |            OSN                |                               |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+                               |
/// |                  Original RTP Packet Payload                  |
/// </code>
/// with the RTP timestamp and marker of the original packet.
/// </summary>
public static class RtxPayload
{
    /// <summary>Bytes of the original sequence number field.</summary>
    public const int HeaderSize = 2;

    /// <summary>Splits an RTX payload into the original sequence number and payload. False if too short.</summary>
    public static bool TryUnwrap(ReadOnlySpan<byte> rtxPayload, out ushort originalSequenceNumber, out ReadOnlySpan<byte> originalPayload)
    {
        if (rtxPayload.Length < HeaderSize)
        {
            originalSequenceNumber = 0;
            originalPayload = default;
            return false;
        }

        originalSequenceNumber = BinaryPrimitives.ReadUInt16BigEndian(rtxPayload);
        originalPayload = rtxPayload[HeaderSize..];
        return true;
    }

    /// <summary>Writes an RTX payload; returns its length, or -1 if <paramref name="destination"/> is too small.</summary>
    public static int Wrap(ushort originalSequenceNumber, ReadOnlySpan<byte> originalPayload, Span<byte> destination)
    {
        if (destination.Length < HeaderSize + originalPayload.Length)
        {
            return -1;
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, originalSequenceNumber);
        originalPayload.CopyTo(destination[HeaderSize..]);
        return HeaderSize + originalPayload.Length;
    }
}
