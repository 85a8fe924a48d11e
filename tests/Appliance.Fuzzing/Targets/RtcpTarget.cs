using Appliance.Net.Rtcp;
using Appliance.Net.Rtp.Tests.Support;

namespace Appliance.Fuzzing.Targets;

/// <summary>
/// RTCP compound packets (RFC 3550 6, RFC 4585, RFC 5104, REMB, transport-cc): the compound
/// parser and every typed view. Seeds: the corpus plus one of each packet type written by the
/// project's own writers, and a compound RR + NACK + PLI + SDES as browsers send it.
/// </summary>
public sealed class RtcpTarget : FuzzTarget
{
    public override string Name => "rtcp";

    public override IReadOnlyList<byte[]> Seeds(string corpusFolder)
    {
        var seeds = new List<byte[]>(base.Seeds(corpusFolder));
        var buffer = new byte[1500];
        RtcpReportBlock[] blocks = [new RtcpReportBlock { Ssrc = 5, CumulativeLost = -1 }, new RtcpReportBlock { Ssrc = 6 }];
        if (RtcpSenderReport.TryWrite(buffer, 1, new NtpTimestamp(42), 3, 4, 5, blocks, out var n))
            seeds.Add(buffer[..n]);
        if (RtcpReceiverReport.TryWrite(buffer, 1, blocks, out n))
            seeds.Add(buffer[..n]);
        if (RtcpBye.TryWrite(buffer, [1, 2], "bye"u8, out n))
            seeds.Add(buffer[..n]);
        if (RtcpFullIntraRequest.TryWrite(buffer, 1, [new RtcpFirItem(2, 1), new RtcpFirItem(3, 2)], out n))
            seeds.Add(buffer[..n]);
        if (RtcpRemb.TryWrite(buffer, 1, 123_456_789, [2, 3], out n))
            seeds.Add(buffer[..n]);
        if (TransportCcFeedbackWriter.TryWrite(buffer, 1, 2, 65530, 77, 9,
                [5, TransportCcFeedbackWriter.NotReceived, 1000, 3, 3, -7, TransportCcFeedbackWriter.NotReceived], out n))
            seeds.Add(buffer[..n]);
        var compound = new RtcpCompoundWriter(buffer.AsSpan(0, 1200));
        if (compound.TryAddReceiverReport(1, blocks) && compound.TryAddSourceDescription(1, "cname".AsSpan())
            && compound.TryAddGenericNack(1, 2, [new RtcpNackItem(10, 3)]))
            seeds.Add(buffer[..compound.Length]);
        var sdes = new RtcpSourceDescriptionWriter(buffer);
        if (sdes.TryAddChunk(1) && sdes.TryAddItem(RtcpSdesItemType.Cname, "cname".AsSpan()) && sdes.TryComplete(out n))
            seeds.Add(buffer[..n]);
        if (RtcpPictureLossIndication.TryWrite(buffer, 1, 2, out n))
            seeds.Add(buffer[..n]);
        return seeds;
    }

    public override void Execute(byte[] input) => AllParsers.Exercise(input);
}
