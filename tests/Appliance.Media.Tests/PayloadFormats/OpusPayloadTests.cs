using Appliance.Media.PayloadFormats.Opus;

namespace Appliance.Media.Tests.PayloadFormats;

public class OpusPayloadTests
{
    [Theory]
    [InlineData(new byte[] { (1 << 3) | 0 }, 960)]                   // SILK NB 20 ms, one frame
    [InlineData(new byte[] { (3 << 3) | 0 }, 2880)]                  // SILK NB 60 ms
    [InlineData(new byte[] { (13 << 3) | 1 }, 1920)]                 // Hybrid SWB 20 ms, two frames (c=1)
    [InlineData(new byte[] { (16 << 3) | 2 }, 240)]                  // CELT NB 2.5 ms, two frames (c=2)
    [InlineData(new byte[] { (31 << 3) | 0 }, 960)]                  // CELT FB 20 ms: what browsers send
    [InlineData(new byte[] { (31 << 3) | 4 | 0 }, 960)]              // stereo flag does not change the duration
    [InlineData(new byte[] { (31 << 3) | 3, 3 }, 2880)]              // code 3, M=3 frames of 20 ms
    [InlineData(new byte[] { (16 << 3) | 3, 0x80 | 48 }, 5760)]      // code 3, 48 frames of 2.5 ms = 120 ms, v bit set
    public void Duration_comes_from_the_toc_byte(byte[] packet, int expectedSamples)
    {
        Assert.True(OpusPayload.TryGetDuration(packet, out int samples));
        Assert.Equal(expectedSamples, samples);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { (31 << 3) | 3 })]                       // code 3 without the frame count byte
    [InlineData(new byte[] { (31 << 3) | 3, 0 })]                    // zero frames
    [InlineData(new byte[] { (31 << 3) | 3, 7 })]                    // 140 ms exceeds 120 ms
    public void Malformed_packets_are_rejected(byte[] packet)
    {
        Assert.False(OpusPayload.TryGetDuration(packet, out _));
    }

    [Fact]
    public void Packetizer_copies_the_packet_and_advances_at_48_khz()
    {
        var packetizer = new OpusPacketizer();
        var destination = new byte[1500];
        byte[] packet = [(31 << 3) | 0, 0xAA, 0xBB];

        Assert.True(packetizer.TryPacketize(packet, destination, out int written, out long first));
        Assert.True(packetizer.TryPacketize(packet, destination, out _, out long second));
        packetizer.Skip(960 * 3);
        Assert.True(packetizer.TryPacketize(packet, destination, out _, out long afterSilence));

        Assert.Equal(packet, destination[..written]);
        Assert.Equal(0, first);
        Assert.Equal(960, second);
        Assert.Equal(960 * 5, afterSilence);
        Assert.False(packetizer.TryPacketize([], destination, out _, out _));
    }
}
