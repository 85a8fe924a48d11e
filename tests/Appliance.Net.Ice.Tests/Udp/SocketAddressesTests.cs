using System.Net;
using System.Net.Sockets;
using Appliance.Net.Udp;

namespace Appliance.Net.Ice.Tests.Udp;

public class SocketAddressesTests
{
    [Theory]
    [InlineData("192.0.2.1", 32853)]
    [InlineData("2001:db8::1", 443)]
    [InlineData("::ffff:10.0.0.5", 10000)]
    public void Port_and_address_read_back_with_IPv4_mapped_unmapped(string address, int port)
    {
        IPAddress ip = IPAddress.Parse(address);
        SocketAddress socketAddress = new IPEndPoint(ip, port).Serialize();

        IPEndPoint back = SocketAddresses.ToIPEndPoint(socketAddress);

        Assert.Equal(port, SocketAddresses.GetPort(socketAddress));
        Assert.Equal(ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip, back.Address);
        Assert.Equal(port, back.Port);
    }

    [Fact]
    public void IPv4_maps_to_IPv6_and_back()
    {
        SocketAddress v4 = new IPEndPoint(IPAddress.Parse("198.18.0.1"), 12345).Serialize();
        var v6 = new SocketAddress(AddressFamily.InterNetworkV6);
        var again = new SocketAddress(AddressFamily.InterNetwork);

        SocketAddresses.MapToIPv6(v4, v6);
        bool unmapped = SocketAddresses.TryMapToIPv4(v6, again);

        Assert.Equal(new IPEndPoint(IPAddress.Parse("::ffff:198.18.0.1"), 12345), new IPEndPoint(IPAddress.IPv6Any, 0).Create(v6));
        Assert.True(unmapped);
        Assert.Equal(v4, again);
    }

    [Fact]
    public void A_plain_IPv6_address_does_not_unmap()
    {
        SocketAddress v6 = new IPEndPoint(IPAddress.Parse("2001:db8::1"), 1).Serialize();
        Assert.False(SocketAddresses.TryMapToIPv4(v6, new SocketAddress(AddressFamily.InterNetwork)));
    }

    [Fact]
    public void A_copy_is_equal_and_independent()
    {
        SocketAddress original = new IPEndPoint(IPAddress.Parse("192.0.2.1"), 1000).Serialize();

        SocketAddress copy = SocketAddresses.Copy(original);
        original.Buffer.Span[3] ^= 0xff;

        Assert.NotEqual(original, copy);
        Assert.Equal(1000, SocketAddresses.GetPort(copy));
    }
}
