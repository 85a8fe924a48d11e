using Appliance.Net.Rtcp;
using Appliance.Net.Rtp.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Appliance.Net.Rtp.Tests.Rtcp;

public class RtcpPacketDispatcherTests
{
    private readonly ListLogger<RtcpPacketDispatcher> _logger = new();

    [Fact]
    public void Each_packet_reaches_its_typed_handler_method()
    {
        byte[] buffer = new byte[1500];
        var writer = new RtcpCompoundWriter(buffer);
        Assert.True(writer.TryAddSenderReport(1, new NtpTimestamp(5), 6, 7, 8));
        Assert.True(writer.TryAddReceiverReport(1, [new RtcpReportBlock { Ssrc = 9 }]));
        Assert.True(writer.TryAddSourceDescription(1, "me"));
        Assert.True(writer.TryAddGenericNack(1, 2, [new RtcpNackItem(3, 0)]));
        Assert.True(writer.TryAddPictureLossIndication(1, 2));
        Assert.True(writer.TryAddFullIntraRequest(1, [new RtcpFirItem(2, 4)]));
        Assert.True(writer.TryAddRemb(1, 64_000, [2]));
        Assert.True(writer.TryAddTransportCc(1, 2, 10, 0, 0, [1, 2]));
        Assert.True(writer.TryAddBye([1]));
        byte[] app = Hex.Decode("80cc0002 00000001 6e616d65"); // APP, name "name"
        app.CopyTo(writer.RemainingSpan);
        writer.Advance(app.Length);

        var handler = new RecordingHandler();
        var dispatcher = new RtcpPacketDispatcher(_logger, allowReducedSize: false);
        Assert.True(dispatcher.Dispatch(writer.WrittenSpan, handler));

        Assert.Equal(["SR 1", "RR 9", "SDES 1", "NACK 3", "PLI 2", "FIR 4", "REMB 64000", "TWCC 2", "BYE 1", "OTHER 204"], handler.Seen);
        Assert.Equal(1, dispatcher.Datagrams);
        Assert.Equal(0, dispatcher.MalformedDatagrams);
        Assert.Equal(0, dispatcher.MalformedPackets);
        Assert.Equal(1, dispatcher.OtherPackets);
        Assert.Empty(_logger.Entries);
    }

    [Fact]
    public void A_malformed_datagram_is_counted_logged_and_dropped()
    {
        var handler = new RecordingHandler();
        var dispatcher = new RtcpPacketDispatcher(_logger);

        Assert.False(dispatcher.Dispatch(Hex.Decode("80c90005 00000001"), handler)); // length beyond the datagram

        Assert.Empty(handler.Seen);
        Assert.Equal(1, dispatcher.MalformedDatagrams);
        (LogLevel level, _, IReadOnlyDictionary<string, object?> properties) = Assert.Single(_logger.Entries);
        Assert.Equal(LogLevel.Debug, level);
        Assert.Equal(8, properties["Length"]);
    }

    [Fact]
    public void A_malformed_packet_is_skipped_and_the_rest_delivered()
    {
        // RR claiming one report block it does not carry, then a valid PLI.
        byte[] datagram = [.. Hex.Decode("81c90001 00000001"), .. Hex.Decode("81ce0002 00000001 00000002")];
        var handler = new RecordingHandler();
        var dispatcher = new RtcpPacketDispatcher(_logger);

        Assert.True(dispatcher.Dispatch(datagram, handler));

        Assert.Equal(["PLI 2"], handler.Seen);
        Assert.Equal(1, dispatcher.MalformedPackets);
        (_, _, IReadOnlyDictionary<string, object?> properties) = Assert.Single(_logger.Entries);
        Assert.Equal((byte)201, properties["PacketType"]);
    }

    [Fact]
    public void Reduced_size_feedback_is_refused_unless_negotiated()
    {
        byte[] pli = Hex.Decode("81ce0002 00000001 00000002");
        var handler = new RecordingHandler();
        Assert.False(new RtcpPacketDispatcher(_logger, allowReducedSize: false).Dispatch(pli, handler));
        Assert.True(new RtcpPacketDispatcher(_logger, allowReducedSize: true).Dispatch(pli, handler));
        Assert.Equal(["PLI 2"], handler.Seen);
    }

    [Fact]
    public void Application_feedback_other_than_remb_is_passed_on()
    {
        byte[] other = Hex.Decode("8fce0003 00000001 00000000 41424344"); // FMT=15, identifier "ABCD"
        var handler = new RecordingHandler();
        var dispatcher = new RtcpPacketDispatcher(_logger);
        Assert.True(dispatcher.Dispatch(other, handler));
        Assert.Equal(["OTHER 206"], handler.Seen);
        Assert.Equal(0, dispatcher.MalformedPackets);
    }

    /// <summary>Writes one line per packet, reading one field of each view.</summary>
    private sealed class RecordingHandler : IRtcpPacketHandler
    {
        public List<string> Seen { get; } = [];

        public void OnSenderReport(in RtcpSenderReport report) => Seen.Add($"SR {report.Ssrc}");

        public void OnReceiverReport(in RtcpReceiverReport report) => Seen.Add($"RR {report.GetReportBlock(0).Ssrc}");

        public void OnSourceDescription(in RtcpSourceDescription description) =>
            Seen.Add($"SDES {(description.TryGetCname(out uint ssrc, out _) ? ssrc : 0)}");

        public void OnBye(in RtcpBye bye) => Seen.Add($"BYE {bye.GetSsrc(0)}");

        public void OnGenericNack(in RtcpGenericNack nack) => Seen.Add($"NACK {nack.GetItem(0).PacketId}");

        public void OnPictureLossIndication(in RtcpPictureLossIndication pli) => Seen.Add($"PLI {pli.MediaSsrc}");

        public void OnFullIntraRequest(in RtcpFullIntraRequest fir) => Seen.Add($"FIR {fir.GetItem(0).SequenceNumber}");

        public void OnRemb(in RtcpRemb remb) => Seen.Add($"REMB {remb.Bitrate}");

        public void OnTransportCc(in RtcpTransportCcFeedback feedback) => Seen.Add($"TWCC {feedback.PacketStatusCount}");

        public void OnOtherPacket(in RtcpPacket packet) => Seen.Add($"OTHER {(byte)packet.PacketType}");
    }
}
