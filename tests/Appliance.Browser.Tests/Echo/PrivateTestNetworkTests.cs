using System.Net;
using System.Net.Sockets;
using Appliance.Testing.Network;

namespace Appliance.Browser.Tests.Echo;

/// <summary>The private test network the echo tests' media travels on.</summary>
public sealed class PrivateTestNetworkTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Setting_it_up_from_several_tests_at_once_leaves_one_usable_address()
    {
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => PrivateTestNetwork.EnsureAsync()));
        await PrivateTestNetwork.EnsureAsync(); // and again, once it exists

        Assert.True(PrivateTestNetwork.IsReady());
        Assert.Equal(1, System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces()
            .Count(nic => nic.GetIPProperties().UnicastAddresses.Any(a => a.Address.Equals(PrivateTestNetwork.Address))));
    }

    [Fact]
    public async Task A_datagram_sent_to_the_test_address_arrives_from_it()
    {
        await PrivateTestNetwork.EnsureAsync();
        using var box = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        box.Bind(new IPEndPoint(PrivateTestNetwork.Address, 0));
        using var browser = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        browser.Bind(new IPEndPoint(IPAddress.Any, 0));

        await browser.SendToAsync(new byte[] { 1, 2, 3 }, box.LocalEndPoint!);
        var buffer = new byte[16];
        var received = await box.ReceiveFromAsync(buffer, new IPEndPoint(IPAddress.Any, 0)).WaitAsync(Deadline);
        await box.SendToAsync(buffer.AsMemory(0, received.ReceivedBytes), received.RemoteEndPoint);
        var answer = await browser.ReceiveFromAsync(new byte[16], new IPEndPoint(IPAddress.Any, 0)).WaitAsync(Deadline);

        Assert.Equal(3, received.ReceivedBytes);
        // The answer comes from the address the datagram was sent to (what ICE checks, RFC 8445 7.2.5.2.1).
        Assert.Equal(box.LocalEndPoint, answer.RemoteEndPoint);
    }
}
