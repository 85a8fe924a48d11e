using System.Net;
using System.Net.Sockets;

namespace Appliance.Security;

/// <summary>
/// Which client addresses count as "on the LAN": loopback, the private IPv4 ranges
/// (RFC 1918 section 3), carrier-grade NAT space (RFC 6598), link-local (RFC 3927, RFC 4291
/// section 2.5.6), IPv6 unique local addresses (RFC 4193) and the benchmarking range
/// 198.18.0.0/15 (RFC 2544) the tests' private network uses.
/// </summary>
public static class PrivateAddresses
{
    public static bool IsPrivate(IPAddress? address)
    {
        if (address is null)
            return false;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address))
            return true;
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            Span<byte> b = stackalloc byte[4];
            address.TryWriteBytes(b, out _);
            return b[0] == 10
                || (b[0] == 172 && (b[1] & 0xF0) == 16)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 100 && (b[1] & 0xC0) == 64)
                || (b[0] == 169 && b[1] == 254)
                || (b[0] == 198 && (b[1] & 0xFE) == 18);
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            Span<byte> b = stackalloc byte[16];
            address.TryWriteBytes(b, out _);
            return (b[0] & 0xFE) == 0xFC || address.IsIPv6LinkLocal;
        }
        return false;
    }
}
