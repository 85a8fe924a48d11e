using System.Buffers.Binary;
using System.Net;
using Appliance.Net.Udp;

namespace Appliance.Net.Stun;

/// <summary>
/// Encodes and decodes the XOR-MAPPED-ADDRESS value (RFC 8489 section 14.2).
/// </summary>
/// <remarks>
/// <code>
///   0                   1                   2                   3
///   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///  |0 0 0 0 0 0 0 0|    Family     |         X-Port                |
///  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///  |                X-Address (Variable)
///  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// "X-Port is computed by XOR'ing the mapped port with the most significant 16 bits of the magic
/// cookie. If the IP address family is IPv4, X-Address is computed by XOR'ing the mapped IP
/// address with the magic cookie. If the IP address family is IPv6, X-Address is computed by
/// XOR'ing the mapped IP address with the concatenation of the magic cookie and the 96-bit
/// transaction ID."
/// </remarks>
public static class StunXorAddress
{
    public const byte FamilyIPv4 = 0x01;
    public const byte FamilyIPv6 = 0x02;

    /// <summary>Value length for an IPv4 (8) or IPv6 (20) address.</summary>
    public static int ValueLength(int addressLength) => 4 + addressLength;

    /// <summary>
    /// Writes the value for <paramref name="address"/> (4 or 16 bytes) and <paramref name="port"/>.
    /// <paramref name="header"/> is the message's first 20 bytes (cookie and transaction ID).
    /// </summary>
    public static void Write(Span<byte> value, ReadOnlySpan<byte> address, int port, ReadOnlySpan<byte> header)
    {
        value[0] = 0;
        value[1] = address.Length == 4 ? FamilyIPv4 : FamilyIPv6;
        BinaryPrimitives.WriteUInt16BigEndian(value.Slice(2, 2), (ushort)(port ^ (StunMessage.MagicCookie >> 16)));
        ReadOnlySpan<byte> mask = header.Slice(4, 16); // magic cookie, then transaction ID
        for (int i = 0; i < address.Length; i++)
        {
            value[4 + i] = (byte)(address[i] ^ mask[i]);
        }
    }

    /// <summary>
    /// Reads the value into <paramref name="address"/> (at least 16 bytes; 4 or 16 are written).
    /// Returns false for an unknown family or a wrong length.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> value, ReadOnlySpan<byte> header, Span<byte> address, out int addressLength, out int port)
    {
        addressLength = 0;
        port = 0;
        if (value.Length < 4 || address.Length < 16)
        {
            return false;
        }

        addressLength = value[1] switch
        {
            FamilyIPv4 => 4,
            FamilyIPv6 => 16,
            _ => 0,
        };
        if (addressLength == 0 || value.Length != 4 + addressLength)
        {
            addressLength = 0;
            return false;
        }

        port = BinaryPrimitives.ReadUInt16BigEndian(value.Slice(2, 2)) ^ (int)(StunMessage.MagicCookie >> 16);
        ReadOnlySpan<byte> mask = header.Slice(4, 16);
        for (int i = 0; i < addressLength; i++)
        {
            address[i] = (byte)(value[4 + i] ^ mask[i]);
        }

        return true;
    }

    /// <summary>The value length for <paramref name="remoteAddress"/>, or 0 if it is not IPv4/IPv6.</summary>
    public static int ValueLength(SocketAddress remoteAddress)
    {
        Span<byte> bytes = stackalloc byte[16];
        return SocketAddresses.TryGetAddressBytes(remoteAddress, bytes, out int length) ? ValueLength(length) : 0;
    }
}
