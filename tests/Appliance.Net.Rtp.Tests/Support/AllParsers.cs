using Appliance.Net.Rtcp;

namespace Appliance.Net.Rtp.Tests.Support;

/// <summary>
/// Runs every parser of the assembly over a buffer and walks everything they expose, so hostile-input
/// tests can assert that nothing throws whatever the bytes.
/// </summary>
internal static class AllParsers
{
    /// <summary>Parses <paramref name="data"/> as RTP and as RTCP; returns a checksum so the work is not optimized away.</summary>
    public static long Exercise(byte[] data)
    {
        long sum = 0;
        byte[] copy = (byte[])data.Clone();
        if (RtpPacket.TryParse(copy, out RtpPacket rtp))
        {
            sum += rtp.SequenceNumber + rtp.Timestamp + rtp.Ssrc + rtp.Payload.Length + rtp.PaddingLength;
            for (int i = 0; i < rtp.CsrcCount; i++)
            {
                sum += rtp.GetCsrc(i);
            }

            foreach (RtpHeaderExtension element in rtp.HeaderExtensions)
            {
                sum += element.Id + element.Data.Length;
                sum += AbsSendTimeExtension.TryRead(element.Data, out uint abs) ? abs : 0;
                sum += TransportSequenceNumberExtension.TryRead(element.Data, out ushort twcc) ? twcc : 0;
                sum += AudioLevelExtension.TryRead(element.Data, out _, out byte level) ? level : 0;
                sum += SdesMidExtension.TryRead(element.Data, out ReadOnlySpan<byte> mid) ? mid.Length : 0;
            }

            if (RtxPacket.TryUnwrapInPlace(rtp, 96, 1, out RtpPacket original))
            {
                sum += original.Payload.Length;
            }
        }

        sum += RtcpCompoundPacket.TryParse(data, out _) ? 1 : 0;
        foreach (RtcpPacket packet in new RtcpPacketEnumerator(data))
        {
            sum += ExerciseRtcp(packet);
        }

        return sum;
    }

    /// <summary>Every typed view over one RTCP packet.</summary>
    public static long ExerciseRtcp(RtcpPacket packet)
    {
        long sum = packet.Length + packet.Count;
        if (RtcpSenderReport.TryParse(packet, out RtcpSenderReport sr))
        {
            sum += sr.Ssrc + (long)(sr.NtpTimestamp.Value & 0xFFFF) + sr.PacketCount + sr.ProfileExtensions.Length;
            for (int i = 0; i < sr.ReportCount; i++)
            {
                sum += sr.GetReportBlock(i).Jitter;
            }
        }

        if (RtcpReceiverReport.TryParse(packet, out RtcpReceiverReport rr))
        {
            for (int i = 0; i < rr.ReportCount; i++)
            {
                sum += rr.GetReportBlock(i).CumulativeLost;
            }
        }

        if (RtcpSourceDescription.TryParse(packet, out RtcpSourceDescription sdes))
        {
            foreach (RtcpSdesChunk chunk in sdes.Chunks)
            {
                foreach (RtcpSdesItem item in chunk.Items)
                {
                    sum += item.Text.Length + (int)item.Type;
                }
            }
        }

        if (RtcpBye.TryParse(packet, out RtcpBye bye))
        {
            for (int i = 0; i < bye.SourceCount; i++)
            {
                sum += bye.GetSsrc(i);
            }

            sum += bye.Reason.Length;
        }

        if (RtcpGenericNack.TryParse(packet, out RtcpGenericNack nack))
        {
            Span<ushort> lost = stackalloc ushort[17];
            for (int i = 0; i < nack.ItemCount; i++)
            {
                sum += nack.GetItem(i).GetLostSequenceNumbers(lost);
            }
        }

        sum += RtcpPictureLossIndication.TryParse(packet, out RtcpPictureLossIndication pli) ? pli.MediaSsrc : 0;
        if (RtcpFullIntraRequest.TryParse(packet, out RtcpFullIntraRequest fir))
        {
            for (int i = 0; i < fir.ItemCount; i++)
            {
                sum += fir.GetItem(i).SequenceNumber;
            }
        }

        if (RtcpRemb.TryParse(packet, out RtcpRemb remb))
        {
            sum += (long)(remb.Bitrate & 0xFFFF);
            for (int i = 0; i < remb.SsrcCount; i++)
            {
                sum += remb.GetSsrc(i);
            }
        }

        if (RtcpTransportCcFeedback.TryParse(packet, out RtcpTransportCcFeedback twcc))
        {
            int count = 0;
            foreach (TransportCcPacketStatus status in twcc)
            {
                sum += status.DeltaTicks;
                count++;
            }

            Assert.True(twcc.PacketStatusCount == count, "every announced status is enumerated"); // Assert.Equal allocates a comparer
        }

        return sum;
    }
}
