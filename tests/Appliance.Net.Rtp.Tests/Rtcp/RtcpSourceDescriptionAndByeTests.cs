using System.Text;
using Appliance.Net.Rtcp;
using Appliance.Net.Rtp.Tests.Support;
using CsCheck;

namespace Appliance.Net.Rtp.Tests.Rtcp;

public class RtcpSourceDescriptionAndByeTests
{
    [Fact]
    public void Cname_packet_has_the_rfc3550_layout()
    {
        byte[] buffer = new byte[64];
        Assert.True(RtcpSourceDescriptionWriter.TryWriteCname(buffer, 0x12345678, "abcdef", out int written));

        // header SC=1 PT=202 len=3 | SSRC | CNAME(1) len 6 "abcdef" | END + null to the 32-bit boundary
        Assert.Equal(Hex.Decode("81ca0004 12345678 0106 616263646566 00000000"), buffer[..written]);
        Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, written), out RtcpPacket packet));
        Assert.True(RtcpSourceDescription.TryParse(packet, out RtcpSourceDescription sdes));
        Assert.True(sdes.TryGetCname(out uint ssrc, out ReadOnlySpan<byte> cname));
        Assert.Equal(0x12345678u, ssrc);
        Assert.Equal("abcdef", Encoding.UTF8.GetString(cname));
    }

    [Fact]
    public void A_cname_filling_the_word_still_gets_an_end_item()
    {
        byte[] buffer = new byte[64];
        Assert.True(RtcpSourceDescriptionWriter.TryWriteCname(buffer, 1, "ab", out int written));
        // 4 (SSRC) + 2 + 2 = 8: the END octet needs a whole new word.
        Assert.Equal(Hex.Decode("81ca0003 00000001 01026162 00000000"), buffer[..written]);
    }

    [Fact]
    public void Chunks_and_items_round_trip()
    {
        Gen<(uint, (byte, string)[])> chunk = Gen.Select(Gen.UInt, Gen.Select(Gen.Byte[1, 8], Gen.String[Gen.Char.AlphaNumeric, 0, 40]).Array[0, 4]);
        chunk.Array[1, 5].Sample(chunks =>
        {
            byte[] buffer = new byte[1500];
            var writer = new RtcpSourceDescriptionWriter(buffer);
            foreach ((uint ssrc, (byte, string)[] items) in chunks)
            {
                Assert.True(writer.TryAddChunk(ssrc));
                foreach ((byte type, string text) in items)
                {
                    Assert.True(writer.TryAddItem((RtcpSdesItemType)type, text.AsSpan()));
                }
            }

            Assert.True(writer.TryComplete(out int written));
            Assert.Equal(0, written % 4);
            Assert.True(RtcpCompoundPacket.TryParse(buffer.AsSpan(0, written), out _));
            Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, written), out RtcpPacket packet));
            Assert.True(RtcpSourceDescription.TryParse(packet, out RtcpSourceDescription sdes));
            Assert.Equal(chunks.Length, sdes.ChunkCount);
            int c = 0;
            foreach (RtcpSdesChunk parsed in sdes.Chunks)
            {
                Assert.Equal(chunks[c].Item1, parsed.Ssrc);
                int i = 0;
                foreach (RtcpSdesItem item in parsed.Items)
                {
                    Assert.Equal(chunks[c].Item2[i].Item1, (byte)item.Type);
                    Assert.Equal(chunks[c].Item2[i].Item2, Encoding.UTF8.GetString(item.Text));
                    i++;
                }

                Assert.Equal(chunks[c].Item2.Length, i);
                c++;
            }

            Assert.Equal(chunks.Length, c);
        }, iter: 500);
    }

    [Theory]
    [InlineData("81ca0002 12345678 01066162", "item runs past the packet")]
    [InlineData("81ca0002 12345678 01026162", "no END item")]
    [InlineData("82ca0003 12345678 01016100 00000001", "second chunk has no END")]
    [InlineData("81ca0000", "SC=1 but empty body")]
    public void Malformed_sdes_is_rejected(string hex, string why)
    {
        byte[] bytes = Hex.Decode(hex);
        Assert.True(RtcpPacket.TryRead(bytes, out RtcpPacket packet));
        Assert.False(RtcpSourceDescription.TryParse(packet, out _), why);
    }

    [Fact]
    public void Sdes_writer_refuses_misuse()
    {
        var writer = new RtcpSourceDescriptionWriter(new byte[64]);
        Assert.False(writer.TryComplete(out _)); // no chunk
        var noChunk = new RtcpSourceDescriptionWriter(new byte[64]);
        Assert.False(noChunk.TryAddItem(RtcpSdesItemType.Cname, "x".AsSpan()));
        var small = new RtcpSourceDescriptionWriter(new byte[10]);
        Assert.True(small.TryAddChunk(1));
        Assert.False(small.TryAddItem(RtcpSdesItemType.Cname, "abcdefgh".AsSpan()));
        Assert.False(small.TryComplete(out _)); // a failure sticks
        Assert.False(RtcpSourceDescriptionWriter.TryWriteCname(new byte[300], 1, new string('x', 256), out _));
    }

    [Fact]
    public void Bye_with_reason_round_trips_and_is_padded()
    {
        byte[] buffer = new byte[64];
        Assert.True(RtcpBye.TryWrite(buffer, [0x11111111, 0x22222222], "left"u8, out int written));
        Assert.Equal(Hex.Decode("82cb0004 11111111 22222222 046c6566 74000000"), buffer[..written]);

        Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, written), out RtcpPacket packet));
        Assert.True(RtcpBye.TryParse(packet, out RtcpBye bye));
        Assert.Equal(2, bye.SourceCount);
        Assert.Equal(0x22222222u, bye.GetSsrc(1));
        Assert.Equal("left", Encoding.UTF8.GetString(bye.Reason));
    }

    [Fact]
    public void Bye_round_trips()
    {
        Gen.Select(Gen.UInt.Array[0, 31], Gen.Byte.Array[0, 255]).Sample((ssrcs, reason) =>
        {
            byte[] buffer = new byte[512];
            Assert.True(RtcpBye.TryWrite(buffer, ssrcs, reason, out int written));
            Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, written), out RtcpPacket packet));
            Assert.True(RtcpBye.TryParse(packet, out RtcpBye bye));
            Assert.Equal(ssrcs.Length, bye.SourceCount);
            for (int i = 0; i < ssrcs.Length; i++)
            {
                Assert.Equal(ssrcs[i], bye.GetSsrc(i));
            }

            Assert.Equal(reason, bye.Reason.ToArray());
        }, iter: 500);
    }

    [Theory]
    [InlineData("82cb0001 11111111", "SC=2, one SSRC")]
    [InlineData("81cb0002 11111111 0a6c6566", "reason length runs past the packet")]
    public void Malformed_bye_is_rejected(string hex, string why)
    {
        byte[] bytes = Hex.Decode(hex);
        Assert.True(RtcpPacket.TryRead(bytes, out RtcpPacket packet));
        Assert.False(RtcpBye.TryParse(packet, out _), why);
    }
}
