using System.Net;
using Appliance.Net.Udp;

namespace Appliance.Net.Ice.Tests.Udp;

public class InMemoryDatagramNetworkTests
{
    [Fact]
    public void A_datagram_arrives_with_the_sender_address()
    {
        var network = new InMemoryDatagramNetwork();
        InMemoryDatagramEndpoint a = network.CreateEndpoint("192.0.2.1", 1000);
        InMemoryDatagramEndpoint b = network.CreateEndpoint("192.0.2.2", 2000);
        var atB = new RecordingHandler();
        b.Handler = atB;

        Assert.True(a.TrySend([1, 2, 3], b.Address));

        ReceivedDatagram received = Assert.Single(atB.All);
        Assert.Equal([1, 2, 3], received.Data);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.1"), 1000), received.FromEndPoint);
        Assert.Equal(1, network.Delivered);
    }

    [Fact]
    public void A_reply_sent_inside_a_handler_arrives_after_the_handler_returns()
    {
        var network = new InMemoryDatagramNetwork();
        InMemoryDatagramEndpoint client = network.CreateEndpoint("192.0.2.1", 1000);
        InMemoryDatagramEndpoint server = network.CreateEndpoint("192.0.2.2", 2000);
        var atClient = new RecordingHandler();
        client.Handler = atClient;
        int depth = 0;
        int maxDepth = 0;
        var atServer = new RecordingHandler();
        atServer.OnReceived = received =>
        {
            depth++;
            maxDepth = Math.Max(maxDepth, depth);
            server.TrySend([.. received.Data, 0xAA], received.From);
            Assert.Empty(atClient.All); // not delivered re-entrantly
            depth--;
        };
        server.Handler = atServer;

        client.TrySend([7], server.Address);

        Assert.Equal([7, 0xAA], Assert.Single(atClient.All).Data);
        Assert.Equal(1, maxDepth);
    }

    [Fact]
    public void Datagrams_to_nobody_or_lost_by_the_filter_are_counted()
    {
        var network = new InMemoryDatagramNetwork();
        InMemoryDatagramEndpoint a = network.CreateEndpoint("192.0.2.1", 1000);
        InMemoryDatagramEndpoint b = network.CreateEndpoint("192.0.2.2", 2000);
        var atB = new RecordingHandler();
        b.Handler = atB;

        a.TrySend([1], new IPEndPoint(IPAddress.Parse("192.0.2.9"), 9).Serialize());
        network.Filter = (datagram, _, _) => datagram[0] != 0xEE;
        a.TrySend([0xEE], b.Address);
        a.TrySend([0x01], b.Address);

        Assert.Equal(1, network.DroppedNoEndpoint);
        Assert.Equal(1, network.DroppedByFilter);
        Assert.Equal([0x01], Assert.Single(atB.All).Data);
    }

    [Fact]
    public void Two_endpoints_cannot_share_an_address()
    {
        var network = new InMemoryDatagramNetwork();
        network.CreateEndpoint("192.0.2.1", 1000);
        Assert.Throws<InvalidOperationException>(() => network.CreateEndpoint("192.0.2.1", 1000));
    }
}
