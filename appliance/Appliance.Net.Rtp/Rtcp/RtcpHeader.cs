using System.Buffers.Binary;

namespace Appliance.Net.Rtcp;

/// <summary>
/// The 4-byte header every RTCP packet starts with (RFC 3550 6.4.1):
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |V=2|P|    RC   |   PT=SR=200   |             length            |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// "length: 16 bits. The length of this RTCP packet in 32-bit words minus one, including the header and any padding."
/// </summary>
public static class RtcpHeader
{
    /// <summary>Header length in bytes.</summary>
    public const int Length = 4;

    /// <summary>RTCP version, as RTP: 2.</summary>
    public const int Version = 2;

    /// <summary>Largest value of the 5-bit count / FMT field.</summary>
    public const int MaxCount = 31;

    /// <summary>Largest RTCP packet the 16-bit length field can describe.</summary>
    public const int MaxPacketLength = (ushort.MaxValue + 1) * 4;

    /// <summary>
    /// Writes a header for a packet of <paramref name="packetLength"/> bytes (a multiple of 4, padding included).
    /// The caller has checked the arguments; this is the builders' shared helper.
    /// </summary>
    internal static void Write(Span<byte> destination, int count, RtcpPacketType type, int packetLength, bool padding = false)
    {
        destination[0] = (byte)((Version << 6) | (padding ? 0x20 : 0) | (count & 0x1F));
        destination[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(destination.Slice(2), (ushort)((packetLength / 4) - 1));
    }

    /// <summary>Rounds a length up to the next multiple of 4.</summary>
    internal static int Align4(int length) => (length + 3) & ~3;
}
