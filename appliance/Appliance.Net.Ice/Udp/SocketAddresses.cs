using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Appliance.Net.Udp;

/// <summary>
/// Allocation-free reads of a <see cref="SocketAddress"/> (the raw sockaddr the socket
/// fills in), and the few conversions the transport needs.
/// </summary>
/// <remarks>
/// The buffer is a native sockaddr: sockaddr_in (RFC 3493 section 3.4 analogue for IPv4) holds
/// the port at bytes 2-3 and the address at 4-7; sockaddr_in6 (RFC 3493 section 3.3) holds the
/// port at 2-3, flow info at 4-7, the address at 8-23 and the scope id at 24-27. Ports and
/// addresses are in network byte order. <see cref="SocketAddress.Family"/> reads the family
/// portably.
/// </remarks>
public static class SocketAddresses
{
    private const int PortOffset = 2;
    private const int IPv4AddressOffset = 4;
    private const int IPv6AddressOffset = 8;
    private const int IPv4Size = 16;
    private const int IPv6Size = 28;

    /// <summary>The UDP port of an IPv4 or IPv6 socket address.</summary>
    public static int GetPort(SocketAddress address)
        => BinaryPrimitives.ReadUInt16BigEndian(address.Buffer.Span.Slice(PortOffset, 2));

    /// <summary>
    /// Writes the IP address bytes (4 for IPv4, 16 for IPv6) into <paramref name="destination"/>,
    /// unmapping an IPv4-mapped IPv6 address (::ffff:a.b.c.d, RFC 4291 section 2.5.5.2) to its
    /// 4 IPv4 bytes. Returns false for another family or a destination shorter than 16 bytes.
    /// </summary>
    public static bool TryGetAddressBytes(SocketAddress address, Span<byte> destination, out int length)
    {
        length = 0;
        if (destination.Length < 16)
        {
            return false;
        }

        ReadOnlySpan<byte> buffer = address.Buffer.Span;
        switch (address.Family)
        {
            case AddressFamily.InterNetwork when address.Size >= IPv4AddressOffset + 4:
                buffer.Slice(IPv4AddressOffset, 4).CopyTo(destination);
                length = 4;
                return true;
            case AddressFamily.InterNetworkV6 when address.Size >= IPv6AddressOffset + 16:
                ReadOnlySpan<byte> v6 = buffer.Slice(IPv6AddressOffset, 16);
                if (IsIPv4Mapped(v6))
                {
                    v6.Slice(12, 4).CopyTo(destination);
                    length = 4;
                }
                else
                {
                    v6.CopyTo(destination);
                    length = 16;
                }

                return true;
            default:
                return false;
        }
    }

    /// <summary>A copy that the caller owns (the transport reuses the address it passes to handlers).</summary>
    public static SocketAddress Copy(SocketAddress address)
    {
        var copy = new SocketAddress(address.Family, address.Size);
        address.Buffer.Span[..address.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }

    /// <summary>Converts to an <see cref="IPEndPoint"/> (allocates: for logs, tests and the control path).</summary>
    public static IPEndPoint ToIPEndPoint(SocketAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!TryGetAddressBytes(address, bytes, out int length))
        {
            return new IPEndPoint(IPAddress.None, 0);
        }

        return new IPEndPoint(new IPAddress(bytes[..length]), GetPort(address));
    }

    /// <summary>A printable "address:port" (allocates: for logs only).</summary>
    public static string Format(SocketAddress address) => ToIPEndPoint(address).ToString();

    /// <summary>
    /// Writes <paramref name="ipv4"/> as an IPv4-mapped IPv6 address into <paramref name="ipv6"/>
    /// (an InterNetworkV6 address of 28 bytes), so a dual-mode IPv6 socket can send to it.
    /// </summary>
    public static void MapToIPv6(SocketAddress ipv4, SocketAddress ipv6)
    {
        Span<byte> target = ipv6.Buffer.Span;
        ReadOnlySpan<byte> source = ipv4.Buffer.Span;
        source.Slice(PortOffset, 2).CopyTo(target.Slice(PortOffset, 2));
        target.Slice(4, IPv6Size - 4).Clear();
        target[IPv6AddressOffset + 10] = 0xff;
        target[IPv6AddressOffset + 11] = 0xff;
        source.Slice(IPv4AddressOffset, 4).CopyTo(target.Slice(IPv6AddressOffset + 12, 4));
    }

    /// <summary>
    /// Writes an IPv4-mapped IPv6 address as a plain IPv4 address into <paramref name="ipv4"/>
    /// (an InterNetwork address of 16 bytes). Returns false if it is not IPv4-mapped.
    /// </summary>
    public static bool TryMapToIPv4(SocketAddress ipv6, SocketAddress ipv4)
    {
        ReadOnlySpan<byte> source = ipv6.Buffer.Span;
        if (ipv6.Size < IPv6Size || !IsIPv4Mapped(source.Slice(IPv6AddressOffset, 16)))
        {
            return false;
        }

        Span<byte> target = ipv4.Buffer.Span;
        source.Slice(PortOffset, 2).CopyTo(target.Slice(PortOffset, 2));
        source.Slice(IPv6AddressOffset + 12, 4).CopyTo(target.Slice(IPv4AddressOffset, 4));
        target.Slice(IPv4AddressOffset + 4, IPv4Size - IPv4AddressOffset - 4).Clear();
        return true;
    }

    private static bool IsIPv4Mapped(ReadOnlySpan<byte> v6)
        => v6[..10].IndexOfAnyExcept((byte)0) < 0 && v6[10] == 0xff && v6[11] == 0xff;
}
