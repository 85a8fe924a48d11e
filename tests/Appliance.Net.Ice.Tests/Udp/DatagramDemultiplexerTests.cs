using System.Net;
using Appliance.Net.Udp;

namespace Appliance.Net.Ice.Tests.Udp;

public class DatagramDemultiplexerTests
{
    private static readonly SocketAddress From = new IPEndPoint(IPAddress.Parse("192.0.2.7"), 5000).Serialize();

    [Fact]
    public void Each_class_reaches_its_own_handler_with_the_source_address()
    {
        var stun = new RecordingHandler();
        var dtls = new RecordingHandler();
        var rtp = new RecordingHandler();
        var demux = new DatagramDemultiplexer { Stun = stun, Dtls = dtls, Rtp = rtp };

        demux.OnDatagram([0x00, 0x01], From);
        demux.OnDatagram([22, 0xfe, 0xfd], From);
        demux.OnDatagram([0x80, 96], From);
        demux.OnDatagram([0x81, 200], From);

        Assert.Equal([0x00, 0x01], Assert.Single(stun.All).Data);
        Assert.Equal([22, 0xfe, 0xfd], Assert.Single(dtls.All).Data);
        Assert.Equal(2, rtp.All.Count);
        Assert.Equal(From, stun.All[0].From);
        Assert.Equal((1, 1, 2), (demux.StunReceived, demux.DtlsReceived, demux.RtpReceived));
    }

    [Fact]
    public void Unknown_and_unhandled_datagrams_are_dropped_and_counted()
    {
        var stun = new RecordingHandler();
        var demux = new DatagramDemultiplexer { Stun = stun };

        demux.OnDatagram([], From);
        demux.OnDatagram([100, 1], From);
        demux.OnDatagram([0xff], From);
        demux.OnDatagram([22, 1], From); // DTLS with no handler yet

        Assert.Empty(stun.All);
        Assert.Equal(3, demux.UnknownDropped);
        Assert.Equal(1, demux.UnhandledDropped);
    }
}
