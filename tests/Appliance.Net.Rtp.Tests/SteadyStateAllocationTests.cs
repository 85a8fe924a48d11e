using Appliance.Net.Rtcp;
using Appliance.Net.Rtp.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Net.Rtp.Tests;

/// <summary>The packet path allocates nothing: parsing, iterating, rewriting and building work on caller buffers.</summary>
public class SteadyStateAllocationTests
{
    private readonly byte[] _rtp = Hex.Decode("902d1a5fd4090549f7b16e83bede0003 22f34350 41009b d2810045 00");
    private readonly byte[] _rtpOut = new byte[1500];
    private readonly byte[] _rtcpOut = new byte[1500];
    private readonly byte[] _payload = new byte[1000];
    private readonly RtcpReportBlock[] _blocks = [new RtcpReportBlock { Ssrc = 2, LastSenderReport = 5, DelaySinceLastSenderReport = 1 }];
    private readonly uint[] _ssrcs = [2, 3];
    private readonly int[] _deltas = [4, TransportCcFeedbackWriter.NotReceived, 300, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    private readonly long[] _arrivals = [1_000_000, TransportCcFeedbackWriter.NotReceivedTime, 1_070_000, 1_071_000];
    private readonly int[] _computed = new int[4];
    private readonly ushort[] _lost = [10, 12, 40];
    private readonly RtcpNackItem[] _nackItems = new RtcpNackItem[3];
    private readonly RtcpPacketDispatcher _dispatcher = new(NullLogger<RtcpPacketDispatcher>.Instance);
    private readonly CountingHandler _handler = new();
    private readonly byte[] _malformed = Hex.Decode("80c90005 00000001");

    [Fact]
    public void Parsing_and_building_allocate_nothing()
    {
        long checksum = RunOnce(); // JIT and type initialization happen here
        long allocated = SteadyState.AllocatedBytes(() =>
        {
            for (int i = 0; i < 1000; i++)
            {
                checksum += RunOnce();
            }
        });
        Assert.Equal(0, allocated);
        Assert.NotEqual(0, checksum);
    }

    private long RunOnce()
    {
        long sum = 0;

        // RTP in: parse, read extensions, rewrite for forwarding.
        Assert.True(RtpPacket.TryParse(_rtp, out RtpPacket packet));
        foreach (RtpHeaderExtension element in packet.HeaderExtensions)
        {
            sum += element.Id;
        }

        sum += packet.TryGetHeaderExtension(4, out ReadOnlySpan<byte> twcc) && TransportSequenceNumberExtension.TryRead(twcc, out ushort seq) ? seq : 0;
        packet.SequenceNumber++;
        packet.Ssrc = 0x1234;

        // RTP out: header, extensions, payload.
        var writer = new RtpPacketWriter(_rtpOut);
        writer.TryWriteHeader(true, 96, 1, 2, 3);
        SdesMidExtension.TryAdd(ref writer, 1, "video");
        TransportSequenceNumberExtension.TryAdd(ref writer, 3, 7);
        AbsSendTimeExtension.TryAdd(ref writer, 2, 0x123456);
        writer.TryWritePayload(_payload);
        sum += writer.Length;

        // RTCP out: SR + SDES + REMB + NACK + transport-cc in one datagram.
        int nackCount = RtcpNackItem.FromLostSequenceNumbers(_lost, _nackItems);
        TransportCcFeedbackWriter.TryComputeDeltas(_arrivals, _computed, out int referenceTime);
        var compound = new RtcpCompoundWriter(_rtcpOut);
        compound.TryAddSenderReport(1, new NtpTimestamp(0xeeb0803a_9ef9db22), 3, 4, 5, _blocks);
        compound.TryAddSourceDescription(1, "participant-1");
        compound.TryAddRemb(1, 2_000_000, _ssrcs);
        compound.TryAddGenericNack(1, 2, _nackItems.AsSpan(0, nackCount));
        compound.TryAddTransportCc(1, 2, 100, referenceTime, 0, _deltas);

        // RTCP in: validate and walk every packet.
        Assert.True(RtcpCompoundPacket.TryParse(compound.WrittenSpan, out RtcpCompoundPacket datagram, allowReducedSize: false));
        foreach (RtcpPacket rtcp in datagram)
        {
            sum += AllParsers.ExerciseRtcp(rtcp);
        }

        // The dispatcher, including the malformed path (counted, logged through a disabled logger).
        _dispatcher.Dispatch(compound.WrittenSpan, _handler);
        _dispatcher.Dispatch(_malformed, _handler);
        sum += _handler.Count + _dispatcher.MalformedDatagrams;

        return sum;
    }

    private sealed class CountingHandler : IRtcpPacketHandler
    {
        public long Count { get; private set; }

        public void OnSenderReport(in RtcpSenderReport report) => Count += report.ReportCount;

        public void OnTransportCc(in RtcpTransportCcFeedback feedback)
        {
            foreach (TransportCcPacketStatus status in feedback)
            {
                Count += status.DeltaTicks;
            }
        }
    }
}
