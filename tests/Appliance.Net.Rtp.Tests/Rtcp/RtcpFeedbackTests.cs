using Appliance.Net.Rtcp;
using Appliance.Net.Rtp.Tests.Support;
using CsCheck;

namespace Appliance.Net.Rtp.Tests.Rtcp;

public class RtcpFeedbackTests
{
    [Fact]
    public void Nack_has_the_rfc4585_layout()
    {
        byte[] buffer = new byte[32];
        Assert.True(RtcpGenericNack.TryWrite(buffer, 0x11111111, 0x22222222, [new RtcpNackItem(0x0102, 0x8001)], out int written));
        Assert.Equal(Hex.Decode("81cd0003 11111111 22222222 01028001"), buffer[..written]);

        Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, written), out RtcpPacket packet));
        Assert.True(RtcpGenericNack.TryParse(packet, out RtcpGenericNack nack));
        Assert.Equal(0x11111111u, nack.SenderSsrc);
        Assert.Equal(0x22222222u, nack.MediaSsrc);
        RtcpNackItem item = nack.GetItem(0);
        Span<ushort> lost = stackalloc ushort[17];
        int count = item.GetLostSequenceNumbers(lost);
        // BLP bit 0 is PID+1, bit 15 is PID+16.
        Assert.Equal(new ushort[] { 0x0102, 0x0103, 0x0112 }, lost[..count].ToArray());
    }

    [Fact]
    public void Lost_sequence_numbers_pack_into_items_and_back()
    {
        ushort[] lost = [65530, 65531, 65535, 0, 9, 10, 100];
        var items = new RtcpNackItem[8];
        int count = RtcpNackItem.FromLostSequenceNumbers(lost, items);

        // 65530 covers up to 65530+16 = 10 (wrapping): bits 0 (65531), 4 (65535), 5 (0), 14 (9), 15 (10).
        // 100 needs its own item.
        Assert.Equal(2, count);
        Assert.Equal(new RtcpNackItem(65530, 0xC031), items[0]);
        Assert.Equal(new RtcpNackItem(100, 0), items[1]);
        Assert.Equal(-1, RtcpNackItem.FromLostSequenceNumbers(lost, new RtcpNackItem[1]));
    }

    [Fact]
    public void Nack_items_round_trip_random_loss_sets()
    {
        Gen.Select(Gen.UShort, Gen.Int[1, 40].Array[1, 60]).Sample((start, gaps) =>
        {
            // Ascending (mod 2^16) distinct losses.
            var lost = new List<ushort>();
            ushort sequence = start;
            foreach (int gap in gaps)
            {
                lost.Add(sequence);
                sequence = (ushort)(sequence + gap);
            }

            var items = new RtcpNackItem[lost.Count];
            int count = RtcpNackItem.FromLostSequenceNumbers(lost.ToArray(), items);
            Assert.InRange(count, 1, lost.Count);

            byte[] buffer = new byte[12 + (4 * count)];
            Assert.True(RtcpGenericNack.TryWrite(buffer, 1, 2, items.AsSpan(0, count), out int written));
            Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, written), out RtcpPacket packet));
            Assert.True(RtcpGenericNack.TryParse(packet, out RtcpGenericNack nack));
            var decoded = new List<ushort>();
            Span<ushort> scratch = stackalloc ushort[17];
            for (int i = 0; i < nack.ItemCount; i++)
            {
                int n = nack.GetItem(i).GetLostSequenceNumbers(scratch);
                decoded.AddRange(scratch[..n].ToArray());
            }

            Assert.Equal(lost, decoded);
        }, iter: 1000);
    }

    [Fact]
    public void Pli_is_twelve_bytes()
    {
        byte[] buffer = new byte[12];
        Assert.True(RtcpPictureLossIndication.TryWrite(buffer, 0xAAAAAAAA, 0xBBBBBBBB, out int written));
        Assert.Equal(Hex.Decode("81ce0002 aaaaaaaa bbbbbbbb"), buffer[..written]);
        Assert.True(RtcpPacket.TryRead(buffer, out RtcpPacket packet));
        Assert.True(RtcpPictureLossIndication.TryParse(packet, out RtcpPictureLossIndication pli));
        Assert.Equal(0xAAAAAAAAu, pli.SenderSsrc);
        Assert.Equal(0xBBBBBBBBu, pli.MediaSsrc);
        Assert.False(RtcpFullIntraRequest.TryParse(packet, out _));
        Assert.False(RtcpPictureLossIndication.TryWrite(new byte[11], 1, 2, out _));
    }

    [Fact]
    public void Fir_has_the_rfc5104_layout()
    {
        byte[] buffer = new byte[64];
        Assert.True(RtcpFullIntraRequest.TryWrite(buffer, 0x01, [new RtcpFirItem(0x0A0B0C0D, 5), new RtcpFirItem(0x02, 255)], out int written));
        // Media source SSRC is 0; each entry is SSRC, seq nr, 24 reserved bits.
        Assert.Equal(Hex.Decode("84ce0006 00000001 00000000 0a0b0c0d 05000000 00000002 ff000000"), buffer[..written]);

        Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, written), out RtcpPacket packet));
        Assert.True(RtcpFullIntraRequest.TryParse(packet, out RtcpFullIntraRequest fir));
        Assert.Equal(2, fir.ItemCount);
        Assert.True(fir.TryGetItem(0x02, out RtcpFirItem item));
        Assert.Equal(255, item.SequenceNumber);
        Assert.False(fir.TryGetItem(0x03, out _));
    }

    [Fact]
    public void Fir_round_trips()
    {
        Gen.Select(Gen.UInt, Gen.Select(Gen.UInt, Gen.Byte).Array[1, 20]).Sample((sender, entries) =>
        {
            RtcpFirItem[] items = entries.Select(e => new RtcpFirItem(e.Item1, e.Item2)).ToArray();
            byte[] buffer = new byte[512];
            Assert.True(RtcpFullIntraRequest.TryWrite(buffer, sender, items, out int written));
            Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, written), out RtcpPacket packet));
            Assert.True(RtcpFullIntraRequest.TryParse(packet, out RtcpFullIntraRequest fir));
            Assert.Equal(sender, fir.SenderSsrc);
            Assert.Equal(items, Enumerable.Range(0, fir.ItemCount).Select(i => ReadItem(buffer, written, i)).ToArray());
        }, iter: 500);
    }

    [Fact]
    public void Remb_has_the_draft_layout()
    {
        byte[] buffer = new byte[64];
        // 1 000 000 bit/s = 0xF4240 needs 20 bits, so exp 2, mantissa 250000 (0x3D090).
        Assert.True(RtcpRemb.TryWrite(buffer, 0x01, 1_000_000, [0x12345678], out int written));
        Assert.Equal(Hex.Decode("8fce0005 00000001 00000000 52454d42 01 0b d090 12345678"), buffer[..written]);

        Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, written), out RtcpPacket packet));
        Assert.True(RtcpRemb.TryParse(packet, out RtcpRemb remb));
        Assert.Equal(1_000_000ul, remb.Bitrate);
        Assert.Equal(1, remb.SsrcCount);
        Assert.Equal(0x12345678u, remb.GetSsrc(0));
    }

    [Fact]
    public void Remb_round_trips_to_18_bits_of_precision()
    {
        Gen.Select(Gen.ULong[0, 1UL << 40], Gen.UInt.Array[0, 20]).Sample((bitrate, ssrcs) =>
        {
            byte[] buffer = new byte[256];
            Assert.True(RtcpRemb.TryWrite(buffer, 9, bitrate, ssrcs, out int written));
            Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, written), out RtcpPacket packet));
            Assert.True(RtcpRemb.TryParse(packet, out RtcpRemb remb));
            Assert.True(remb.Bitrate <= bitrate);
            Assert.True(bitrate - remb.Bitrate < Math.Max(1, bitrate >> 17)); // truncated to the top 18 bits
            Assert.Equal(ssrcs, Enumerable.Range(0, remb.SsrcCount).Select(i => ReadRembSsrc(buffer, written, i)).ToArray());
        }, iter: 1000);
    }

    [Theory]
    [InlineData("8fce0004 00000001 00000000 52454d43 00000000", "identifier is not REMB")]
    [InlineData("8fce0004 00000001 00000000 52454d42 02000000", "two SSRCs announced, none present")]
    [InlineData("8fce0003 00000001 00000000 52454d42", "no exponent/mantissa word")]
    public void Malformed_remb_is_rejected(string hex, string why)
    {
        Assert.True(RtcpPacket.TryRead(Hex.Decode(hex), out RtcpPacket packet));
        Assert.False(RtcpRemb.TryParse(packet, out _), why);
    }

    [Fact]
    public void Huge_remb_exponent_saturates()
    {
        Assert.True(RtcpPacket.TryRead(Hex.Decode("8fce0004 00000001 00000000 52454d42 00ffffff"), out RtcpPacket packet));
        Assert.True(RtcpRemb.TryParse(packet, out RtcpRemb remb));
        Assert.Equal(ulong.MaxValue, remb.Bitrate);
    }

    [Fact]
    public void Feedback_shorter_than_two_ssrcs_is_rejected()
    {
        Assert.True(RtcpPacket.TryRead(Hex.Decode("81ce0001 00000001"), out RtcpPacket packet));
        Assert.False(RtcpPictureLossIndication.TryParse(packet, out _));
        Assert.True(RtcpPacket.TryRead(Hex.Decode("81cd0002 00000001 00000002"), out RtcpPacket emptyNack));
        Assert.False(RtcpGenericNack.TryParse(emptyNack, out _));
    }

    private static RtcpFirItem ReadItem(byte[] buffer, int length, int index)
    {
        Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, length), out RtcpPacket packet));
        Assert.True(RtcpFullIntraRequest.TryParse(packet, out RtcpFullIntraRequest fir));
        return fir.GetItem(index);
    }

    private static uint ReadRembSsrc(byte[] buffer, int length, int index)
    {
        Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, length), out RtcpPacket packet));
        Assert.True(RtcpRemb.TryParse(packet, out RtcpRemb remb));
        return remb.GetSsrc(index);
    }
}
