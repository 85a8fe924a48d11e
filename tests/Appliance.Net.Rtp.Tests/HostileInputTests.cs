using Appliance.Net.Rtcp;
using Appliance.Net.Rtp.Tests.Support;

namespace Appliance.Net.Rtp.Tests;

/// <summary>Every parser treats its input as hostile: truncated, shrunk, mutated or random bytes never throw.</summary>
public class HostileInputTests
{
    /// <summary>One valid packet of every RTCP type this assembly writes.</summary>
    public static TheoryData<string, byte[]> RtcpSamples()
    {
        var data = new TheoryData<string, byte[]>();
        byte[] buffer = new byte[1500];
        RtcpReportBlock[] blocks = [new RtcpReportBlock { Ssrc = 5, CumulativeLost = -1 }, new RtcpReportBlock { Ssrc = 6 }];

        Add("SR", RtcpSenderReport.TryWrite(buffer, 1, new NtpTimestamp(42), 3, 4, 5, blocks, out int n), n);
        Add("RR", RtcpReceiverReport.TryWrite(buffer, 1, blocks, out n), n);
        var sdes = new RtcpSourceDescriptionWriter(buffer);
        Add("SDES", sdes.TryAddChunk(1) && sdes.TryAddItem(RtcpSdesItemType.Cname, "cname".AsSpan()) && sdes.TryAddChunk(2)
            && sdes.TryAddItem(RtcpSdesItemType.Tool, "tool".AsSpan()) && sdes.TryComplete(out n), n);
        Add("BYE", RtcpBye.TryWrite(buffer, [1, 2], "bye"u8, out n), n);
        Add("NACK", RtcpGenericNack.TryWrite(buffer, 1, 2, [new RtcpNackItem(10, 3), new RtcpNackItem(40, 0)], out n), n);
        Add("PLI", RtcpPictureLossIndication.TryWrite(buffer, 1, 2, out n), n);
        Add("FIR", RtcpFullIntraRequest.TryWrite(buffer, 1, [new RtcpFirItem(2, 1), new RtcpFirItem(3, 2)], out n), n);
        Add("REMB", RtcpRemb.TryWrite(buffer, 1, 123_456_789, [2, 3], out n), n);
        Add("TWCC", TransportCcFeedbackWriter.TryWrite(buffer, 1, 2, 65530, 77, 9,
            [5, TransportCcFeedbackWriter.NotReceived, 1000, 3, 3, 3, 3, 3, 3, 3, 3, -7, TransportCcFeedbackWriter.NotReceived], out n), n);
        data.Add("TWCC from Chrome", Hex.Decode("afcd0007 00000001 dd586eb6 00010009 5e911000 2009 1c0c2c38 00040008 18 01"));
        return data;

        void Add(string name, bool ok, int length)
        {
            Assert.True(ok, name);
            data.Add(name, buffer[..length]);
        }
    }

    [Theory]
    [MemberData(nameof(RtcpSamples))]
    public void Every_truncation_of_an_rtcp_packet_is_rejected(string name, byte[] packet)
    {
        Assert.True(RtcpCompoundPacket.TryParse(packet, out _), name);
        for (int length = 0; length < packet.Length; length++)
        {
            byte[] prefix = packet[..length];
            Assert.False(RtcpPacket.TryRead(prefix, out _), $"{name} cut to {length}");
            Assert.False(RtcpCompoundPacket.TryParse(prefix, out _), $"{name} cut to {length}");
            AllParsers.Exercise(prefix);
        }
    }

    [Theory]
    [MemberData(nameof(RtcpSamples))]
    public void A_body_shrunk_under_a_consistent_length_field_never_throws(string name, byte[] packet)
    {
        for (int words = 1; words * 4 <= packet.Length - RtcpHeader.Length; words++)
        {
            byte[] shrunk = packet[..^(words * 4)];
            shrunk[0] &= 0xDF; // drop the P bit: the padding is gone with the tail
            shrunk[2] = (byte)(((shrunk.Length / 4) - 1) >> 8);
            shrunk[3] = (byte)((shrunk.Length / 4) - 1);
            Assert.True(RtcpPacket.TryRead(shrunk, out RtcpPacket cut), name);
            AllParsers.ExerciseRtcp(cut);

            // Packets whose counts announce their content must notice that content is missing.
            switch (name)
            {
                case "SR":
                    Assert.False(RtcpSenderReport.TryParse(cut, out _));
                    break;
                case "RR":
                    Assert.False(RtcpReceiverReport.TryParse(cut, out _));
                    break;
                case "SDES":
                    Assert.False(RtcpSourceDescription.TryParse(cut, out _));
                    break;
                case "REMB":
                    Assert.False(RtcpRemb.TryParse(cut, out _));
                    break;
                case "TWCC":
                    Assert.False(RtcpTransportCcFeedback.TryParse(cut, out _));
                    break;
                case "PLI":
                    Assert.False(RtcpPictureLossIndication.TryParse(cut, out _));
                    break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(RtcpSamples))]
    public void Mutated_packets_never_throw(string name, byte[] packet)
    {
        var random = new Random(name.GetHashCode(StringComparison.Ordinal));
        for (int i = 0; i < 5000; i++)
        {
            byte[] mutated = (byte[])packet.Clone();
            int flips = random.Next(1, 4);
            for (int f = 0; f < flips; f++)
            {
                mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            }

            AllParsers.Exercise(mutated);
        }
    }

    [Fact]
    public void Random_rtcp_shaped_bytes_never_throw()
    {
        var random = new Random(99);
        byte[] types = [200, 201, 202, 203, 204, 205, 206];
        for (int i = 0; i < 20_000; i++)
        {
            byte[] data = new byte[4 * random.Next(1, 20)];
            random.NextBytes(data);
            data[0] = (byte)(0x80 | (data[0] & 0x3F));
            data[1] = types[random.Next(types.Length)];
            data[2] = 0;
            data[3] = (byte)((data.Length / 4) - 1 - (random.Next(4) == 0 ? 1 : 0));
            AllParsers.Exercise(data);
        }
    }
}
