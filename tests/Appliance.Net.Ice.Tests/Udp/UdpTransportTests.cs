using System.Net;
using System.Net.Sockets;
using Appliance.Net.Udp;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Net.Ice.Tests.Udp;

/// <summary>The real socket on loopback.</summary>
public class UdpTransportTests
{
    private static UdpTransport CreateTransport()
        => new(new UdpTransportOptions { Port = 0 }, NullLogger<UdpTransport>.Instance);

    [Fact]
    public async Task An_IPv4_datagram_reaches_the_handler_on_the_dual_mode_socket_and_a_reply_goes_back()
    {
        await using UdpTransport transport = CreateTransport();
        var handler = new RecordingHandler();
        transport.Start(handler);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var server = new IPEndPoint(IPAddress.Loopback, transport.LocalEndPoint.Port);

        await client.SendToAsync(new byte[] { 0x80, 1, 2 }, server);
        ReceivedDatagram received = await handler.NextAsync();
        bool sent = transport.TrySend([9, 8, 7], received.From);
        var reply = new byte[16];
        int length = await client.ReceiveAsync(reply).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal([0x80, 1, 2], received.Data);
        Assert.Equal((IPEndPoint)client.LocalEndPoint!, received.FromEndPoint);
        Assert.True(sent);
        Assert.Equal([9, 8, 7], reply[..length]);
        Assert.Equal(1, transport.DatagramsReceived);
    }

    [Fact]
    public async Task The_receive_loop_survives_a_throwing_handler()
    {
        await using UdpTransport transport = CreateTransport();
        var handler = new RecordingHandler();
        handler.OnReceived = received =>
        {
            if (received.Data[0] == 0xBA)
            {
                throw new InvalidOperationException("bad handler");
            }
        };
        transport.Start(handler);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var server = new IPEndPoint(IPAddress.Loopback, transport.LocalEndPoint.Port);

        await client.SendToAsync(new byte[] { 0xBA }, server);
        await handler.NextAsync();
        await client.SendToAsync(new byte[] { 0x01 }, server);
        ReceivedDatagram second = await handler.NextAsync();

        Assert.Equal([0x01], second.Data);
        Assert.Equal(1, transport.HandlerFaults);
    }

    [Fact]
    public async Task Sending_to_an_IPv4_SocketAddress_works_on_the_dual_mode_socket()
    {
        await using UdpTransport transport = CreateTransport();
        transport.Start(new RecordingHandler());
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        bool sent = transport.TrySend([42], ((IPEndPoint)client.LocalEndPoint!).Serialize());
        var reply = new byte[4];
        int length = await client.ReceiveAsync(reply).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(sent);
        Assert.Equal([42], reply[..length]);
        Assert.Equal(0, transport.SendErrors);
    }

    [Fact]
    public async Task An_IPv4_only_socket_sends_to_an_IPv4_mapped_address()
    {
        await using var transport = new UdpTransport(
            new UdpTransportOptions { Port = 0, BindAddress = IPAddress.Loopback }, NullLogger<UdpTransport>.Instance);
        transport.Start(new RecordingHandler());
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        client.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int clientPort = ((IPEndPoint)client.LocalEndPoint!).Port;

        bool sent = transport.TrySend([43], new IPEndPoint(IPAddress.Parse("::ffff:127.0.0.1"), clientPort).Serialize());
        var reply = new byte[4];
        int length = await client.ReceiveAsync(reply).WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(AddressFamily.InterNetwork, transport.LocalEndPoint.AddressFamily);
        Assert.True(sent);
        Assert.Equal([43], reply[..length]);
    }

    [Fact]
    public async Task An_oversized_datagram_is_dropped_and_counted()
    {
        await using var transport = new UdpTransport(new UdpTransportOptions { Port = 0, MaxDatagramSize = 100 }, NullLogger<UdpTransport>.Instance);
        var handler = new RecordingHandler();
        transport.Start(handler);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var server = new IPEndPoint(IPAddress.Loopback, transport.LocalEndPoint.Port);

        await client.SendToAsync(new byte[101], server);
        await client.SendToAsync(new byte[] { 5 }, server);
        ReceivedDatagram received = await handler.NextAsync();

        Assert.Equal([5], received.Data);
        Assert.Equal(1, transport.TruncatedDropped);
    }

    [Fact]
    public async Task Sending_does_not_allocate_once_warm()
    {
        await using UdpTransport transport = CreateTransport();
        using var sink = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        SocketAddress target = ((IPEndPoint)sink.LocalEndPoint!).Serialize();
        byte[] datagram = new byte[200];
        for (int i = 0; i < 10; i++)
        {
            transport.TrySend(datagram, target);
        }

        long allocated = SteadyState.AllocatedBytes(() =>
        {
            for (int i = 0; i < 200; i++)
            {
                transport.TrySend(datagram, target);
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(transport.DatagramsSent >= 210, $"{transport.DatagramsSent} datagrams sent");
    }
}
