using Appliance.Net.Udp;

namespace Appliance.Net.Ice.Tests.Udp;

public class PacketClassifierTests
{
    [Theory]
    [InlineData(0, PacketClass.Stun)]
    [InlineData(3, PacketClass.Stun)]
    [InlineData(4, PacketClass.Unknown)]
    [InlineData(16, PacketClass.Unknown)] // ZRTP: not used
    [InlineData(19, PacketClass.Unknown)]
    [InlineData(20, PacketClass.Dtls)]
    [InlineData(22, PacketClass.Dtls)] // handshake
    [InlineData(63, PacketClass.Dtls)]
    [InlineData(64, PacketClass.Unknown)] // TURN channel: not used
    [InlineData(127, PacketClass.Unknown)]
    [InlineData(128, PacketClass.Rtp)]
    [InlineData(0x90, PacketClass.Rtp)] // RTP with extension
    [InlineData(191, PacketClass.Rtp)]
    [InlineData(192, PacketClass.Unknown)]
    [InlineData(255, PacketClass.Unknown)]
    public void First_byte_ranges_follow_RFC_7983(byte first, PacketClass expected)
        => Assert.Equal(expected, PacketClassifier.Classify([first, 0, 0, 0]));

    [Fact]
    public void An_empty_datagram_is_unknown()
        => Assert.Equal(PacketClass.Unknown, PacketClassifier.Classify([]));
}
