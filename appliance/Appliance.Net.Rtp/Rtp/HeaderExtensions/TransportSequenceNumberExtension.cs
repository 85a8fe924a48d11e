using System.Buffers.Binary;

namespace Appliance.Net.Rtp;

/// <summary>
/// The transport-wide sequence number header extension,
/// <c>http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01</c> section 2:
/// a 16-bit sequence number shared by every stream of the transport, the key of transport-cc feedback.
/// </summary>
public static class TransportSequenceNumberExtension
{
    /// <summary>The URI negotiated in SDP (a=extmap).</summary>
    public const string Uri = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

    /// <summary>Data length: 2 bytes.</summary>
    public const int Length = 2;

    /// <summary>Reads the sequence number.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out ushort sequenceNumber)
    {
        // The draft-02 form may append 2 more bytes (feedback request); the first two are the number.
        if (data.Length < Length)
        {
            sequenceNumber = 0;
            return false;
        }

        sequenceNumber = BinaryPrimitives.ReadUInt16BigEndian(data);
        return true;
    }

    /// <summary>Writes the sequence number into element data (e.g. from <see cref="RtpPacket.TryGetHeaderExtensionForWrite"/>).</summary>
    public static bool TryWrite(ushort sequenceNumber, Span<byte> data) =>
        BinaryPrimitives.TryWriteUInt16BigEndian(data, sequenceNumber);

    /// <summary>Adds the element to a packet being written.</summary>
    public static bool TryAdd(ref RtpPacketWriter writer, int id, ushort sequenceNumber)
    {
        Span<byte> buffer = stackalloc byte[Length];
        BinaryPrimitives.WriteUInt16BigEndian(buffer, sequenceNumber);
        return writer.TryAddExtension(id, buffer);
    }
}
