using Appliance.Net.Rtp.Tests.Support;
using CsCheck;

namespace Appliance.Net.Rtp.Tests.Rtp;

public class RtpPacketTests
{
    // An Opus packet sent by FFmpeg 5.1 (`ffmpeg -f lavfi -i sine -c:a libopus -ssrc 305419896 -payload_type 111 -f rtp`),
    // captured from the UDP socket: the first packet of the stream, so the marker bit is set.
    private const string FfmpegOpusPacket =
        "80ef0647bd1618a31234567878817bc61176f4750000078eca69dbbbe29fd3ac1b0ebde0fe4b06f83dcd0ca791183a5d4be1c9"
        + "14efff5204f0cfab8c5c9cf7600057137b97a90401109c4e599f961a4182d03fa61678a02d0fe8f340bc3dcc442818e6316f3b"
        + "c61e602632282ff29564563441ff59227c4dc3634ea4ce894d";

    [Fact]
    public void Parses_a_packet_captured_from_ffmpeg()
    {
        byte[] bytes = Hex.Decode(FfmpegOpusPacket);

        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        Assert.True(packet.Marker);
        Assert.Equal(111, packet.PayloadType);
        Assert.Equal(0x0647, packet.SequenceNumber);
        Assert.Equal(0xbd1618a3u, packet.Timestamp);
        Assert.Equal(305419896u, packet.Ssrc);
        Assert.Equal(0, packet.CsrcCount);
        Assert.False(packet.HasExtension);
        Assert.False(packet.HasPadding);
        Assert.Equal(12, packet.HeaderLength);
        Assert.Equal(bytes.Length - 12, packet.Payload.Length);
        Assert.Equal(0x78, packet.Payload[0]); // Opus TOC byte
    }

    [Fact]
    public void Parses_csrcs_and_padding_laid_out_as_in_rfc3550_figure()
    {
        // V=2 P=1 X=0 CC=2 | M=1 PT=96 | seq 0x1234 | ts 0xdeadbeef | SSRC 0x11223344 | CSRC x2 | payload 3 bytes | padding 4
        byte[] bytes = Hex.Decode("a2 e0 1234 deadbeef 11223344 aabbccdd 01020304 0a0b0c 000000 04");

        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        Assert.Equal(2, packet.CsrcCount);
        Assert.Equal(0xaabbccddu, packet.GetCsrc(0));
        Assert.Equal(0x01020304u, packet.GetCsrc(1));
        Assert.True(packet.HasPadding);
        Assert.Equal(4, packet.PaddingLength);
        Assert.Equal(new byte[] { 0x0a, 0x0b, 0x0c }, packet.Payload.ToArray());
        Assert.True(packet.Marker);
        Assert.Equal(96, packet.PayloadType);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("80 60 0001 00000001 000000", "shorter than the fixed header")]
    [InlineData("40 60 0001 00000001 00000001", "version 1")]
    [InlineData("c0 60 0001 00000001 00000001", "version 3")]
    [InlineData("81 60 0001 00000001 00000001", "CSRC count runs past the end")]
    [InlineData("83 60 0001 00000001 00000001 00000002 00000003", "third CSRC missing")]
    [InlineData("90 60 0001 00000001 00000001 bede", "extension header cut")]
    [InlineData("90 60 0001 00000001 00000001 bede 0002 10ff0000", "extension length runs past the end")]
    [InlineData("a0 60 0001 00000001 00000001 0102 00", "padding count zero")]
    [InlineData("a0 60 0001 00000001 00000001 0102 04", "padding larger than the payload")]
    public void Rejects_malformed_packets(string hex, string why)
    {
        byte[] bytes = Hex.Decode(hex);
        Assert.False(RtpPacket.TryParse(bytes, out _), why);
    }

    [Fact]
    public void Padding_may_fill_the_whole_payload()
    {
        byte[] bytes = Hex.Decode("a0 60 0001 00000001 00000001 000004");
        bytes = [.. bytes, 0x04];
        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        Assert.Equal(0, packet.Payload.Length);
    }

    [Fact]
    public void Setters_rewrite_only_their_field()
    {
        byte[] bytes = Hex.Decode(FfmpegOpusPacket);
        byte[] before = (byte[])bytes.Clone();
        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));

        packet.Ssrc = 0xCAFEBABE;
        packet.SequenceNumber = 0xFFFF;
        packet.Timestamp = 7;
        packet.PayloadType = 96;
        packet.Marker = false;

        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket reread));
        Assert.Equal(0xCAFEBABEu, reread.Ssrc);
        Assert.Equal(0xFFFF, reread.SequenceNumber);
        Assert.Equal(7u, reread.Timestamp);
        Assert.Equal(96, reread.PayloadType);
        Assert.False(reread.Marker);
        Assert.Equal(before[0], bytes[0]);
        Assert.Equal(before.AsSpan(12).ToArray(), bytes.AsSpan(12).ToArray());

        reread.Marker = true;
        Assert.Equal(96, reread.PayloadType);
        Assert.Equal(0x80 | 96, bytes[1]);
    }

    [Fact]
    public void Every_truncation_inside_the_header_is_rejected_and_none_throws()
    {
        byte[] full = Hex.Decode("b2 e0 1234 deadbeef 11223344 aabbccdd 01020304 bede0002 22010203 41ff0000 0a0b0c 000000 04");
        Assert.True(RtpPacket.TryParse(full, out RtpPacket valid));
        int headerLength = valid.HeaderLength;

        for (int length = 0; length < full.Length; length++)
        {
            byte[] prefix = full[..length];
            bool ok = RtpPacket.TryParse(prefix, out RtpPacket cut);
            if (length < headerLength)
            {
                Assert.False(ok, $"length {length}");
            }
            else if (ok)
            {
                Assert.Equal(0x11223344u, cut.Ssrc);
            }
        }
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        // Half the inputs start with version 2 so they get past the first check; CsCheck shrinks any failure.
        Gen<byte[]> datagrams = Gen.Select(Gen.Bool, Gen.Byte.Array[0, 120], (rtpLike, bytes) =>
        {
            if (rtpLike && bytes.Length > 0)
            {
                bytes[0] = (byte)(0x80 | (bytes[0] & 0x3F));
            }

            return bytes;
        });
        datagrams.Sample(bytes => AllParsers.Exercise(bytes), iter: 20_000);
    }
}
