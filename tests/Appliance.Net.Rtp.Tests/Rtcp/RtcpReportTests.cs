using Appliance.Net.Rtcp;
using Appliance.Net.Rtp.Tests.Support;
using CsCheck;

namespace Appliance.Net.Rtp.Tests.Rtcp;

public class RtcpReportTests
{
    // The SR FFmpeg 5.1 sent alongside RtpPacketTests' Opus stream (sent before any packet was counted).
    private const string FfmpegSenderReport = "80c8000612345678eeb0803a9ef9db22bd1618d30000000000000000";

    internal static readonly Gen<RtcpReportBlock> ReportBlocks =
        Gen.Select(Gen.UInt, Gen.Byte, Gen.Int[RtcpReportBlock.MinCumulativeLost, RtcpReportBlock.MaxCumulativeLost], Gen.UInt, Gen.UInt, Gen.UInt, Gen.UInt)
            .Select((ssrc, fraction, lost, highest, jitter, lsr, dlsr) => new RtcpReportBlock
            {
                Ssrc = ssrc,
                FractionLost = fraction,
                CumulativeLost = lost,
                ExtendedHighestSequenceNumber = highest,
                Jitter = jitter,
                LastSenderReport = lsr,
                DelaySinceLastSenderReport = dlsr,
            });

    [Fact]
    public void Parses_the_sr_ffmpeg_sent()
    {
        byte[] bytes = Hex.Decode(FfmpegSenderReport);
        Assert.True(RtcpCompoundPacket.TryParse(bytes, out RtcpCompoundPacket compound, allowReducedSize: false));
        Assert.Equal(1, compound.PacketCount);
        Assert.True(RtcpPacket.TryRead(bytes, out RtcpPacket packet));
        Assert.True(RtcpSenderReport.TryParse(packet, out RtcpSenderReport sr));
        Assert.Equal(0x12345678u, sr.Ssrc);
        Assert.Equal(0xeeb0803a_9ef9db22ul, sr.NtpTimestamp.Value);
        Assert.Equal(0xbd1618d3u, sr.RtpTimestamp);
        Assert.Equal(0u, sr.PacketCount);
        Assert.Equal(0u, sr.OctetCount);
        Assert.Equal(0, sr.ReportCount);
        Assert.Equal(0, sr.ProfileExtensions.Length);
        Assert.False(RtcpReceiverReport.TryParse(packet, out _));
    }

    [Fact]
    public void Writes_an_sr_byte_for_byte()
    {
        byte[] buffer = new byte[64];
        Assert.True(RtcpSenderReport.TryWrite(buffer, 0x12345678, new NtpTimestamp(0xeeb0803a_9ef9db22), 0xbd1618d3, 0, 0, [], out int written));
        Assert.Equal(Hex.Decode(FfmpegSenderReport), buffer[..written]);
    }

    [Fact]
    public void Report_block_fields_sit_where_rfc3550_puts_them()
    {
        var block = new RtcpReportBlock
        {
            Ssrc = 0x01020304,
            FractionLost = 0x40,
            CumulativeLost = -2,
            ExtendedHighestSequenceNumber = 0x0001_FFFF,
            Jitter = 0x10,
            LastSenderReport = 0xb7052000,
            DelaySinceLastSenderReport = 0x00054000,
        };
        byte[] buffer = new byte[32];
        Assert.True(RtcpReceiverReport.TryWrite(buffer, 0xAABBCCDD, [block], out int written));
        Assert.Equal(Hex.Decode("81c90007 aabbccdd 01020304 40fffffe 0001ffff 00000010 b7052000 00054000"), buffer[..written]);

        Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, written), out RtcpPacket packet));
        Assert.True(RtcpReceiverReport.TryParse(packet, out RtcpReceiverReport rr));
        Assert.Equal(block, rr.GetReportBlock(0));
    }

    [Fact]
    public void Cumulative_loss_is_clamped_to_24_bits()
    {
        byte[] buffer = new byte[32];
        Assert.True(RtcpReceiverReport.TryWrite(buffer, 1, [new RtcpReportBlock { CumulativeLost = int.MaxValue }], out int written));
        Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, written), out RtcpPacket packet));
        Assert.True(RtcpReceiverReport.TryParse(packet, out RtcpReceiverReport rr));
        Assert.Equal(RtcpReportBlock.MaxCumulativeLost, rr.GetReportBlock(0).CumulativeLost);
    }

    [Fact]
    public void Sender_reports_round_trip()
    {
        Gen.Select(Gen.UInt, Gen.ULong, Gen.UInt, Gen.UInt, Gen.UInt, ReportBlocks.Array[0, 31]).Sample((ssrc, ntp, rtp, packets, octets, blocks) =>
        {
            byte[] buffer = new byte[1500];
            Assert.True(RtcpSenderReport.TryWrite(buffer, ssrc, new NtpTimestamp(ntp), rtp, packets, octets, blocks, out int written));
            Assert.Equal(RtcpSenderReport.GetLength(blocks.Length), written);
            Assert.True(RtcpCompoundPacket.TryParse(buffer.AsSpan(0, written), out _, allowReducedSize: false));
            Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, written), out RtcpPacket packet));
            Assert.True(RtcpSenderReport.TryParse(packet, out RtcpSenderReport sr));
            Assert.Equal(ssrc, sr.Ssrc);
            Assert.Equal(ntp, sr.NtpTimestamp.Value);
            Assert.Equal(rtp, sr.RtpTimestamp);
            Assert.Equal(packets, sr.PacketCount);
            Assert.Equal(octets, sr.OctetCount);
            Assert.Equal(blocks.Length, sr.ReportCount);
            for (int i = 0; i < blocks.Length; i++)
            {
                Assert.Equal(blocks[i], sr.GetReportBlock(i));
            }
        }, iter: 500);
    }

    [Fact]
    public void Receiver_reports_round_trip()
    {
        Gen.Select(Gen.UInt, ReportBlocks.Array[0, 31]).Sample((ssrc, blocks) =>
        {
            byte[] buffer = new byte[1500];
            Assert.True(RtcpReceiverReport.TryWrite(buffer, ssrc, blocks, out int written));
            Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, written), out RtcpPacket packet));
            Assert.True(RtcpReceiverReport.TryParse(packet, out RtcpReceiverReport rr));
            Assert.Equal(ssrc, rr.Ssrc);
            Assert.Equal(blocks.Length, rr.ReportCount);
            for (int i = 0; i < blocks.Length; i++)
            {
                Assert.Equal(blocks[i], rr.GetReportBlock(i));
            }
        }, iter: 500);
    }

    [Fact]
    public void Refuses_more_than_31_blocks_or_a_short_buffer()
    {
        Assert.False(RtcpReceiverReport.TryWrite(new byte[2000], 1, new RtcpReportBlock[32], out _));
        Assert.False(RtcpSenderReport.TryWrite(new byte[27], 1, default, 0, 0, 0, [], out _));
    }

    [Fact]
    public void A_report_count_larger_than_the_body_is_rejected()
    {
        // RR with RC=1 but no report block.
        byte[] bytes = Hex.Decode("81c90001 aabbccdd");
        Assert.True(RtcpPacket.TryRead(bytes, out RtcpPacket packet));
        Assert.False(RtcpReceiverReport.TryParse(packet, out _));
        // SR with RC=0 and sender info cut.
        byte[] sr = Hex.Decode("80c80003 12345678 eeb0803a 9ef9db22");
        Assert.True(RtcpPacket.TryRead(sr, out RtcpPacket srPacket));
        Assert.False(RtcpSenderReport.TryParse(srPacket, out _));
    }
}
