using Appliance.Net.Rtcp;
using Appliance.Net.Rtp.Tests.Support;

namespace Appliance.Net.Rtp.Tests.Rtcp;

public class RtcpCompoundPacketTests
{
    private static byte[] SenderReportWithSdesAndRemb()
    {
        byte[] buffer = new byte[1500];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryAddSenderReport(0x01, new NtpTimestamp(0x1_0000_0000), 90000, 10, 1000,
            [new RtcpReportBlock { Ssrc = 0x02, FractionLost = 3 }]));
        Assert.True(writer.TryAddSourceDescription(0x01, "box@appliance"));
        Assert.True(writer.TryAddRemb(0x01, 1_500_000, [0x02, 0x03]));
        return buffer[..writer.Length];
    }

    [Fact]
    public void Compound_writer_output_iterates_in_order()
    {
        byte[] datagram = SenderReportWithSdesAndRemb();
        Assert.True(RtcpCompoundPacket.TryParse(datagram, out RtcpCompoundPacket compound, allowReducedSize: false));
        Assert.Equal(3, compound.PacketCount);

        var seen = new List<(RtcpPacketType, int)>();
        foreach (RtcpPacket packet in compound)
        {
            seen.Add((packet.PacketType, packet.Count));
        }

        Assert.Equal(
            [(RtcpPacketType.SenderReport, 1), (RtcpPacketType.SourceDescription, 1), (RtcpPacketType.PayloadSpecificFeedback, PayloadFeedbackFormat.ApplicationLayerFeedback)],
            seen);
    }

    [Fact]
    public void Every_truncation_is_rejected_except_at_packet_boundaries()
    {
        byte[] datagram = SenderReportWithSdesAndRemb();
        var boundaries = new HashSet<int>();
        int offset = 0;
        foreach (RtcpPacket packet in new RtcpPacketEnumerator(datagram))
        {
            offset += packet.Length;
            boundaries.Add(offset);
        }

        for (int length = 0; length < datagram.Length; length++)
        {
            bool ok = RtcpCompoundPacket.TryParse(datagram.AsSpan(0, length), out _);
            Assert.Equal(boundaries.Contains(length), ok);
        }
    }

    [Fact]
    public void Compound_rules_of_rfc3550_a2()
    {
        byte[] pli = new byte[12];
        Assert.True(RtcpPictureLossIndication.TryWrite(pli, 1, 2, out _));
        // A lone PLI is a reduced-size packet (RFC 5506): fine when negotiated, not as a compound packet.
        Assert.True(RtcpCompoundPacket.TryParse(pli, out _, allowReducedSize: true));
        Assert.False(RtcpCompoundPacket.TryParse(pli, out _, allowReducedSize: false));

        // Padding only on the last packet.
        byte[] rr = Hex.Decode("80c90001 00000001");
        byte[] paddedRr = Hex.Decode("a0c90002 00000001 00000004");
        Assert.True(RtcpCompoundPacket.TryParse([.. rr, .. paddedRr], out _));
        Assert.False(RtcpCompoundPacket.TryParse([.. paddedRr, .. rr], out _));

        // Version must be 2 in every packet, and the datagram must not be empty.
        byte[] badVersion = Hex.Decode("40c90001 00000001");
        Assert.False(RtcpCompoundPacket.TryParse([.. rr, .. badVersion], out _));
        Assert.False(RtcpCompoundPacket.TryParse([], out _));

        // Trailing bytes that are not a whole packet.
        Assert.False(RtcpCompoundPacket.TryParse([.. rr, 0x80], out _));
    }

    [Fact]
    public void Padding_is_stripped_from_the_body()
    {
        byte[] paddedRr = Hex.Decode("a0c90002 00000001 00000004");
        Assert.True(RtcpPacket.TryRead(paddedRr, out RtcpPacket packet));
        Assert.Equal(4, packet.PaddingLength);
        Assert.Equal(4, packet.Body.Length);
        Assert.True(RtcpReceiverReport.TryParse(packet, out RtcpReceiverReport rr));
        Assert.Equal(1u, rr.Ssrc);

        Assert.False(RtcpPacket.TryRead(Hex.Decode("a0c90001 00000000"), out _)); // padding count 0
        Assert.False(RtcpPacket.TryRead(Hex.Decode("a0c90001 00000009"), out _)); // padding count beyond the body
    }

    [Fact]
    public void Receiver_report_then_transport_feedback_as_chrome_sends_them()
    {
        byte[] buffer = new byte[200];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryAddReceiverReport(0x01));
        Assert.True(writer.TryAddGenericNack(0x01, 0x02, [new RtcpNackItem(100, 0x0003)]));
        Assert.True(writer.TryAddPictureLossIndication(0x01, 0x02));
        Assert.True(writer.TryAddFullIntraRequest(0x01, [new RtcpFirItem(0x02, 7)]));
        Assert.True(writer.TryAddTransportCc(0x01, 0x02, 1000, 5, 0, [4, TransportCcFeedbackWriter.NotReceived, 300]));
        Assert.True(writer.TryAddBye([0x01]));
        Span<byte> free = writer.RemainingSpan;
        Assert.True(RtcpSourceDescriptionWriter.TryWriteCname(free, 0x01, "x", out int sdesLength));
        writer.Advance(sdesLength);

        Assert.True(RtcpCompoundPacket.TryParse(writer.WrittenSpan, out RtcpCompoundPacket compound, allowReducedSize: false));
        Assert.Equal(7, compound.PacketCount);
        int parsedAsTyped = 0;
        foreach (RtcpPacket packet in compound)
        {
            parsedAsTyped += RtcpReceiverReport.TryParse(packet, out _) ? 1 : 0;
            parsedAsTyped += RtcpGenericNack.TryParse(packet, out _) ? 1 : 0;
            parsedAsTyped += RtcpPictureLossIndication.TryParse(packet, out _) ? 1 : 0;
            parsedAsTyped += RtcpFullIntraRequest.TryParse(packet, out _) ? 1 : 0;
            parsedAsTyped += RtcpTransportCcFeedback.TryParse(packet, out _) ? 1 : 0;
            parsedAsTyped += RtcpBye.TryParse(packet, out _) ? 1 : 0;
            parsedAsTyped += RtcpSourceDescription.TryParse(packet, out _) ? 1 : 0;
        }

        Assert.Equal(7, parsedAsTyped); // each packet is recognized by exactly its own parser
    }

    [Fact]
    public void A_failed_add_keeps_what_was_written()
    {
        byte[] buffer = new byte[19];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryAddReceiverReport(1));
        Assert.False(writer.TryAddPictureLossIndication(1, 2)); // 8 + 12 > 19
        Assert.Equal(8, writer.Length);
    }
}
