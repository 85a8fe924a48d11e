using Appliance.Net.Rtcp;
using Appliance.Net.Rtp.Tests.Rtcp;
using CsCheck;

namespace Appliance.Net.Rtp.Tests;

/// <summary>
/// Parse → serialize gives back the same bytes: every packet the writers produce is rebuilt from what
/// the parsers read out of it, and the two byte strings must be identical.
/// </summary>
public class ReserializeTests
{
    [Fact]
    public void Rtp_packets_rebuild_byte_for_byte()
    {
        Gen.Select(Gen.UInt.Array[0, 15], Gen.Bool, Gen.Select(Gen.Int[1, 14], Gen.Byte.Array[1, 16]).Array[0, 5], Gen.Byte.Array[0, 200], Gen.Int[0, 255])
            .Sample((csrcs, marker, extensions, payload, padding) =>
            {
                byte[] original = new byte[1500];
                var writer = new RtpPacketWriter(original);
                Assert.True(writer.TryWriteHeader(marker, 100, 1234, 5678, 42, csrcs));
                foreach ((int id, byte[] data) in extensions)
                {
                    Assert.True(writer.TryAddExtension(id, data));
                }

                Assert.True(writer.TryWritePayload(payload, padding));
                byte[] bytes = original[..writer.Length];

                Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
                byte[] rebuilt = new byte[1500];
                var again = new RtpPacketWriter(rebuilt, RtpHeaderExtensionProfile.IsTwoByte(packet.ExtensionProfile));
                uint[] parsedCsrcs = new uint[packet.CsrcCount];
                for (int i = 0; i < parsedCsrcs.Length; i++)
                {
                    parsedCsrcs[i] = packet.GetCsrc(i);
                }

                Assert.True(again.TryWriteHeader(packet.Marker, packet.PayloadType, packet.SequenceNumber, packet.Timestamp, packet.Ssrc, parsedCsrcs));
                foreach (RtpHeaderExtension element in packet.HeaderExtensions)
                {
                    Assert.True(again.TryAddExtension(element.Id, element.Data));
                }

                Assert.True(again.TryWritePayload(packet.Payload, packet.PaddingLength));
                Assert.Equal(bytes, rebuilt[..again.Length]);
            }, iter: 1000);
    }

    [Fact]
    public void Receiver_reports_rebuild_byte_for_byte()
    {
        Gen.Select(Gen.UInt, RtcpReportTests.ReportBlocks.Array[0, 31]).Sample((ssrc, blocks) =>
        {
            byte[] bytes = Write(buffer => RtcpReceiverReport.TryWrite(buffer, ssrc, blocks, out int n) ? n : -1);
            Assert.True(RtcpPacket.TryRead(bytes, out RtcpPacket packet));
            Assert.True(RtcpReceiverReport.TryParse(packet, out RtcpReceiverReport rr));
            var parsed = new RtcpReportBlock[rr.ReportCount];
            for (int i = 0; i < parsed.Length; i++)
            {
                parsed[i] = rr.GetReportBlock(i);
            }

            uint parsedSsrc = rr.Ssrc;
            Assert.Equal(bytes, Write(buffer => RtcpReceiverReport.TryWrite(buffer, parsedSsrc, parsed, out int n) ? n : -1));
        }, iter: 300);
    }

    [Fact]
    public void Transport_cc_feedback_rebuilds_byte_for_byte()
    {
        Gen<int> delta = Gen.Frequency(
            (6, Gen.Int[0, 255]),
            (3, Gen.Const(TransportCcFeedbackWriter.NotReceived)),
            (1, Gen.Int[short.MinValue, short.MaxValue]));
        Gen.Select(Gen.UShort, Gen.Int[-(1 << 23), (1 << 23) - 1], Gen.Byte, delta.Array[1, 500]).Sample((baseSequence, reference, count, deltas) =>
        {
            byte[] bytes = Write(buffer => TransportCcFeedbackWriter.TryWrite(buffer, 7, 8, baseSequence, reference, count, deltas, out int n) ? n : -1);
            Assert.True(RtcpPacket.TryRead(bytes, out RtcpPacket packet));
            Assert.True(RtcpTransportCcFeedback.TryParse(packet, out RtcpTransportCcFeedback feedback));
            var parsed = new List<int>();
            foreach (TransportCcPacketStatus status in feedback)
            {
                parsed.Add(status.IsReceived ? status.DeltaTicks : TransportCcFeedbackWriter.NotReceived);
            }

            int[] parsedDeltas = [.. parsed];
            (uint sender, uint media, ushort first, int time, byte fb) =
                (feedback.SenderSsrc, feedback.MediaSsrc, feedback.BaseSequenceNumber, feedback.ReferenceTime, feedback.FeedbackPacketCount);
            Assert.Equal(bytes, Write(buffer => TransportCcFeedbackWriter.TryWrite(buffer, sender, media, first, time, fb, parsedDeltas, out int n) ? n : -1));
        }, iter: 500);
    }

    [Fact]
    public void Feedback_messages_rebuild_byte_for_byte()
    {
        Gen.Select(Gen.UInt, Gen.UInt, Gen.Select(Gen.UShort, Gen.UShort).Array[1, 30], Gen.ULong[0, 1UL << 50], Gen.UInt.Array[0, 10]).Sample((sender, media, nackPairs, bitrate, ssrcs) =>
        {
            RtcpNackItem[] items = nackPairs.Select(p => new RtcpNackItem(p.Item1, p.Item2)).ToArray();
            byte[] nackBytes = Write(buffer => RtcpGenericNack.TryWrite(buffer, sender, media, items, out int n) ? n : -1);
            Assert.True(RtcpPacket.TryRead(nackBytes, out RtcpPacket nackPacket));
            Assert.True(RtcpGenericNack.TryParse(nackPacket, out RtcpGenericNack nack));
            RtcpNackItem[] parsedItems = new RtcpNackItem[nack.ItemCount];
            for (int i = 0; i < parsedItems.Length; i++)
            {
                parsedItems[i] = nack.GetItem(i);
            }

            (uint nackSender, uint nackMedia) = (nack.SenderSsrc, nack.MediaSsrc);
            Assert.Equal(nackBytes, Write(buffer => RtcpGenericNack.TryWrite(buffer, nackSender, nackMedia, parsedItems, out int n) ? n : -1));

            byte[] rembBytes = Write(buffer => RtcpRemb.TryWrite(buffer, sender, bitrate, ssrcs, out int n) ? n : -1);
            Assert.True(RtcpPacket.TryRead(rembBytes, out RtcpPacket rembPacket));
            Assert.True(RtcpRemb.TryParse(rembPacket, out RtcpRemb remb));
            uint[] parsedSsrcs = new uint[remb.SsrcCount];
            for (int i = 0; i < parsedSsrcs.Length; i++)
            {
                parsedSsrcs[i] = remb.GetSsrc(i);
            }

            (uint rembSender, ulong rembBitrate) = (remb.SenderSsrc, remb.Bitrate);
            Assert.Equal(rembBytes, Write(buffer => RtcpRemb.TryWrite(buffer, rembSender, rembBitrate, parsedSsrcs, out int n) ? n : -1));
        }, iter: 300);
    }

    private static byte[] Write(Func<byte[], int> write)
    {
        byte[] buffer = new byte[8192];
        int length = write(buffer);
        Assert.True(length > 0);
        return buffer[..length];
    }
}
