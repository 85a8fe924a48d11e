using Appliance.Net.Rtcp;
using Appliance.Net.Rtp.Tests.Support;
using CsCheck;

namespace Appliance.Net.Rtp.Tests.Rtcp;

public class TransportCcFeedbackTests
{
    // Transport-cc feedback sent by Chrome, with Wireshark's decoding, published in
    // olivermichel/webrtc-analysis test/include/data.h: base 1, 9 packets, reference time 6197520,
    // one run length chunk (small delta x 9), deltas 7, 3, 11, 14, 0, 1, 0, 2, 6 ms, RFC 3550 padding of 1.
    private const string ChromeFeedback = "afcd0007 00000001 dd586eb6 00010009 5e911000 2009 1c0c2c38 00040008 18 01";

    [Fact]
    public void Parses_feedback_chrome_sent()
    {
        byte[] bytes = Hex.Decode(ChromeFeedback);
        Assert.True(RtcpCompoundPacket.TryParse(bytes, out _));
        Assert.True(RtcpPacket.TryRead(bytes, out RtcpPacket packet));
        Assert.Equal(1, packet.PaddingLength);
        Assert.True(RtcpTransportCcFeedback.TryParse(packet, out RtcpTransportCcFeedback feedback));
        Assert.Equal(1u, feedback.SenderSsrc);
        Assert.Equal(0xdd586eb6u, feedback.MediaSsrc);
        Assert.Equal(1, feedback.BaseSequenceNumber);
        Assert.Equal(9, feedback.PacketStatusCount);
        Assert.Equal(6197520, feedback.ReferenceTime);
        Assert.Equal(0, feedback.FeedbackPacketCount);

        var statuses = new List<TransportCcPacketStatus>();
        foreach (TransportCcPacketStatus status in feedback)
        {
            statuses.Add(status);
        }

        Assert.Equal(Enumerable.Range(1, 9).Select(i => (ushort)i), statuses.Select(s => s.SequenceNumber));
        Assert.All(statuses, s => Assert.Equal(TransportCcSymbol.ReceivedSmallDelta, s.Symbol));
        Assert.Equal(new[] { 7.0, 3, 11, 14, 0, 1, 0, 2, 6 }, statuses.Select(s => s.Delta.TotalMilliseconds));
        Assert.Equal((6197520L * 256) + 28, statuses[0].ArrivalTicks);
        Assert.Equal((6197520L * 256) + 28 + 12 + 44 + 56 + 0 + 4 + 0 + 8 + 24, statuses[8].ArrivalTicks);
    }

    // More captured feedback, published with their decoding in pion/rtcp transport_layer_cc_test.go
    // (0xfa17fa17 is the sender SSRC Chrome puts on its feedback). Each packet: the hex, then the
    // expected status of every sequence number from the base: -1 = not received, else the delta in 250 µs ticks.
    public static TheoryData<string, int, int[]> CapturedFeedback() => new()
    {
        // One run length chunk, one small delta of 37 ms.
        { "afcd0005 fa17fa17 43032fa0 00990001 3de80217 2001 94 01", 153, [148] },
        // Run length chunk of 7 small deltas.
        { "afcd0007 fa17fa17 193dd8bb 00040007 10636e01 2007 4c242410 0c0c10 000003", 4, [76, 36, 36, 16, 12, 12, 16] },
        // Two-bit status vector (5 small, 1 lost, 1 large) then a run length chunk of "not received".
        { "afcd0007 9b74f61f 9371dcbc 853c0009 63f916b3 d552 0030 9baa6aaa7b 0109 01", 34108, [155, 170, 106, 170, 123, -1, 265, -1, -1] },
        // One-bit status vector.
        { "afcd0007 fa17fa17 43032fa0 9c14000c 75842000 bec0 c13f3b3f53903b 000003", 39956, [193, 63, 59, 63, 83, -1, 144, 59, -1, -1, -1, -1] },
    };

    [Theory]
    [MemberData(nameof(CapturedFeedback))]
    public void Parses_captured_feedback(string hex, int baseSequence, int[] expected)
    {
        byte[] bytes = Hex.Decode(hex);
        Assert.True(RtcpPacket.TryRead(bytes, out RtcpPacket packet));
        Assert.Equal(bytes.Length, packet.Length);
        Assert.True(RtcpTransportCcFeedback.TryParse(packet, out RtcpTransportCcFeedback feedback));
        Assert.Equal(baseSequence, feedback.BaseSequenceNumber);

        var actual = new List<int>();
        foreach (TransportCcPacketStatus status in feedback)
        {
            actual.Add(status.IsReceived ? status.DeltaTicks : -1);
        }

        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Writes_the_same_chunks_and_deltas_as_chrome()
    {
        // The one-bit vector capture above, rebuilt from its statuses: chunk and deltas match byte for byte;
        // only the padding differs (Chrome sets the P bit, this writer zero-pads as the draft's figure shows).
        int nr = TransportCcFeedbackWriter.NotReceived;
        byte[] chrome = Hex.Decode("afcd0007 fa17fa17 43032fa0 9c14000c 75842000 bec0 c13f3b3f53903b 000003");
        byte[] buffer = new byte[64];
        Assert.True(TransportCcFeedbackWriter.TryWrite(buffer, 0xfa17fa17, 0x43032fa0, 39956, 7701536, 0,
            [193, 63, 59, 63, 83, nr, 144, 59, nr, nr, nr, nr], out int written));

        Assert.Equal(chrome.Length, written);
        Assert.Equal(chrome[0] & 0xDF, buffer[0]);
        Assert.Equal(chrome[1..29], buffer[1..29]);
        Assert.Equal(new byte[3], buffer[29..32]);
    }

    [Fact]
    public void Reproduces_the_draft_one_bit_vector_example()
    {
        // draft-holmer-rmcat-transport-wide-cc-extensions-01 3.1.4, example 1: 0x9F1C is
        // not received, 5 received, 3 not received, 3 received, 2 not received.
        int nr = TransportCcFeedbackWriter.NotReceived;
        byte[] buffer = new byte[64];
        Assert.True(TransportCcFeedbackWriter.TryWrite(buffer, 1, 2, 0, 0, 0, [nr, 1, 1, 1, 1, 1, nr, nr, nr, 1, 1, 1, nr, nr], out _));
        Assert.Equal(0x9F, buffer[20]);
        Assert.Equal(0x1C, buffer[21]);
    }

    [Fact]
    public void Writes_a_two_bit_vector_when_a_large_delta_is_near()
    {
        byte[] buffer = new byte[64];
        Assert.True(TransportCcFeedbackWriter.TryWrite(buffer, 1, 2, 1000, 5, 0, [4, TransportCcFeedbackWriter.NotReceived, 300], out int written));
        // Symbols 01 00 10 then four "not received" fillers: 1 1 | 01 00 10 00 00 00 00 = 0xD200.
        Assert.Equal(Hex.Decode("8fcd0006 00000001 00000002 03e80003 00000500 d200 04 012c 000000"), buffer[..written]);
    }

    [Fact]
    public void Writes_a_one_bit_vector_for_small_deltas_and_losses()
    {
        int nr = TransportCcFeedbackWriter.NotReceived;
        byte[] buffer = new byte[64];
        Assert.True(TransportCcFeedbackWriter.TryWrite(buffer, 1, 2, 7, 0, 3, [1, nr, 2, nr, nr, 3], out int written));
        Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, written), out RtcpPacket packet));
        Assert.True(RtcpTransportCcFeedback.TryParse(packet, out RtcpTransportCcFeedback feedback));
        Assert.Equal(3, feedback.FeedbackPacketCount);
        // 1 0 | 1 0 1 0 0 1 then 8 zero fillers = 0xA900.
        Assert.Equal(0xA9, buffer[20]);
        Assert.Equal(0x00, buffer[21]);
        Assert.Equal(new byte[] { 1, 2, 3 }, buffer[22..25]);
    }

    [Fact]
    public void Writes_run_length_chunks_for_long_runs()
    {
        // The draft's run length example (3.1.3): 0x00DD, a run of 221 "not received".
        int[] deltas = [.. Enumerable.Repeat(TransportCcFeedbackWriter.NotReceived, 221), 10];
        byte[] buffer = new byte[64];
        Assert.True(TransportCcFeedbackWriter.TryWrite(buffer, 1, 2, 0, 0, 0, deltas, out int written));
        Assert.Equal(Hex.Decode("00dd 2001 0a"), buffer[20..25]);
        Assert.Equal(28, written);
    }

    [Fact]
    public void Refuses_deltas_beyond_16_bits_and_empty_or_short_buffers()
    {
        Assert.False(TransportCcFeedbackWriter.TryWrite(new byte[64], 1, 2, 0, 0, 0, [40_000], out _));
        Assert.False(TransportCcFeedbackWriter.TryWrite(new byte[64], 1, 2, 0, 0, 0, [], out _));
        Assert.False(TransportCcFeedbackWriter.TryWrite(new byte[23], 1, 2, 0, 0, 0, [1], out _));
        Assert.Equal(-1, TransportCcFeedbackWriter.GetLength([-40_000]));
    }

    [Fact]
    public void Reference_time_is_signed_24_bits()
    {
        byte[] buffer = new byte[64];
        Assert.True(TransportCcFeedbackWriter.TryWrite(buffer, 1, 2, 0, -2, 0, [1], out int written));
        Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, written), out RtcpPacket packet));
        Assert.True(RtcpTransportCcFeedback.TryParse(packet, out RtcpTransportCcFeedback feedback));
        Assert.Equal(-2, feedback.ReferenceTime);
    }

    [Theory]
    [InlineData("8fcd0005 00000001 00000002 00010002 00000000 2001 0000", "status count 2, chunks cover 1")]
    [InlineData("8fcd0005 00000001 00000002 00010003 00000000 2003 00", "three small deltas announced, two bytes follow")]
    [InlineData("8fcd0005 00000001 00000002 00010001 00000000 6001 0000", "reserved symbol 11")]
    [InlineData("8fcd0004 00000001 00000002 00010001", "FCI header cut")]
    [InlineData("8fcd0004 00000001 00000002 00010001 00000000", "no chunk")]
    [InlineData("8fcd0005 00000001 00000002 00010002 00000000 4002", "two large deltas announced, two bytes follow")]
    public void Malformed_feedback_is_rejected(string hex, string why)
    {
        byte[] bytes = Hex.Decode(hex);
        if (bytes.Length % 4 != 0)
        {
            bytes = [.. bytes, .. new byte[4 - (bytes.Length % 4)]];
        }

        // Rewrite the length field so only the transport-cc content is wrong.
        bytes[3] = (byte)((bytes.Length / 4) - 1);
        Assert.True(RtcpPacket.TryRead(bytes, out RtcpPacket packet), why);
        Assert.False(RtcpTransportCcFeedback.TryParse(packet, out _), why);
    }

    /// <summary>One generated packet: received or not, and the gap to the previous arrival in µs.</summary>
    private static readonly Gen<(bool Received, long GapMicroseconds)> Arrivals =
        Gen.Select(
            Gen.Frequency((8, Gen.Const(true)), (2, Gen.Const(false))),
            Gen.Frequency((10, Gen.Long[0, 20_000]), (2, Gen.Long[20_000, 2_000_000]), (1, Gen.Long[-50_000, 0])));

    [Fact]
    public void Random_arrival_patterns_round_trip()
    {
        Gen.Select(Gen.UShort, Gen.Long[0, 100_000_000_000], Arrivals.Array[1, 400], Gen.Byte).Sample((baseSequence, start, pattern, count) =>
        {
            long[] arrivals = new long[pattern.Length];
            long clock = start;
            for (int i = 0; i < pattern.Length; i++)
            {
                clock += pattern[i].GapMicroseconds;
                arrivals[i] = pattern[i].Received ? clock : TransportCcFeedbackWriter.NotReceivedTime;
            }

            if (!pattern.Any(p => p.Received))
            {
                arrivals[0] = start;
            }

            int[] deltas = new int[arrivals.Length];
            Assert.True(TransportCcFeedbackWriter.TryComputeDeltas(arrivals, deltas, out int referenceTime));
            byte[] buffer = new byte[4096];
            Assert.True(TransportCcFeedbackWriter.TryWrite(buffer, 0xAA, 0xBB, baseSequence, referenceTime, count, deltas, out int written));
            Assert.Equal(0, written % 4);
            Assert.Equal(TransportCcFeedbackWriter.GetLength(deltas), written);

            Assert.True(RtcpCompoundPacket.TryParse(buffer.AsSpan(0, written), out _));
            Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, written), out RtcpPacket packet));
            Assert.True(RtcpTransportCcFeedback.TryParse(packet, out RtcpTransportCcFeedback feedback));
            Assert.Equal(baseSequence, feedback.BaseSequenceNumber);
            Assert.Equal(arrivals.Length, feedback.PacketStatusCount);
            Assert.Equal(referenceTime, feedback.ReferenceTime);
            Assert.Equal(count, feedback.FeedbackPacketCount);

            int index = 0;
            foreach (TransportCcPacketStatus status in feedback)
            {
                Assert.Equal((ushort)(baseSequence + index), status.SequenceNumber);
                bool received = arrivals[index] != TransportCcFeedbackWriter.NotReceivedTime;
                Assert.Equal(received, status.IsReceived);
                if (received)
                {
                    // Arrival times come back to the nearest 250 µs tick.
                    long expectedTicks = (long)Math.Round(arrivals[index] / 250.0, MidpointRounding.AwayFromZero);
                    Assert.Equal(expectedTicks, status.ArrivalTicks);
                    Assert.Equal(deltas[index], status.DeltaTicks);
                }

                index++;
            }

            Assert.Equal(arrivals.Length, index);
        }, iter: 1000);
    }

    [Fact]
    public void Random_delta_sequences_round_trip_exactly()
    {
        Gen<int> delta = Gen.Frequency(
            (6, Gen.Int[0, 255]),
            (2, Gen.Const(TransportCcFeedbackWriter.NotReceived)),
            (1, Gen.Int[short.MinValue, short.MaxValue]));
        delta.Array[1, 3000].Sample(deltas =>
        {
            byte[] buffer = new byte[16384];
            Assert.True(TransportCcFeedbackWriter.TryWrite(buffer, 1, 2, 65500, 100, 1, deltas, out int written));
            Assert.True(RtcpPacket.TryRead(buffer.AsSpan(0, written), out RtcpPacket packet));
            Assert.True(RtcpTransportCcFeedback.TryParse(packet, out RtcpTransportCcFeedback feedback));
            int i = 0;
            foreach (TransportCcPacketStatus status in feedback)
            {
                Assert.Equal(deltas[i] == TransportCcFeedbackWriter.NotReceived ? 0 : deltas[i], status.DeltaTicks);
                Assert.Equal(deltas[i] != TransportCcFeedbackWriter.NotReceived, status.IsReceived);
                i++;
            }

            Assert.Equal(deltas.Length, i);
        }, iter: 300);
    }

    [Fact]
    public void Compute_deltas_needs_one_received_packet()
    {
        long nr = TransportCcFeedbackWriter.NotReceivedTime;
        Assert.False(TransportCcFeedbackWriter.TryComputeDeltas([nr, nr], new int[2], out _));
        Assert.True(TransportCcFeedbackWriter.TryComputeDeltas([nr, 64_000 + 1_000, 64_000 + 500], new int[3], out int reference));
        Assert.Equal(1, reference);
    }
}
