using Appliance.Net.Rtp.Tests.Support;

namespace Appliance.Net.Rtp.Tests.Rtp;

public class RtpHeaderExtensionTests
{
    // Chrome RTP headers (payload stripped) with Wireshark's decoding, published in
    // olivermichel/webrtc-analysis test/include/data.h. One-byte form: id 2 = abs-send-time f34350,
    // id 4 = transport-wide seq 0x009b, id 13 = 3 bytes 810045, then one padding octet.
    private const string ChromeOneByteHeader = "902d1a5fd4090549f7b16e83bede0003 22f34350 41009b d2810045 00";

    // Two-byte form (0x1000), extension length 17 words, seven elements, the last 33 bytes long.
    private const string ChromeTwoByteHeader =
        "902d61c5950a0fee8d3814e510000011 020303f7ae 04020002 090130 030100 060102 070d0100010007000700 0a00000000"
        + " 0d21c00001800318 7aaaf130a0a014d1 4138230460086422 222650 09f0077013f00ef0";

    [Fact]
    public void Reads_one_byte_elements_of_a_chrome_packet()
    {
        byte[] bytes = Hex.Decode(ChromeOneByteHeader);
        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        Assert.Equal(6751, packet.SequenceNumber);
        Assert.Equal(3557360969u, packet.Timestamp);
        Assert.Equal(0xf7b16e83u, packet.Ssrc);
        Assert.Equal(45, packet.PayloadType);
        Assert.Equal(RtpHeaderExtensionProfile.OneByte, packet.ExtensionProfile);
        Assert.Equal(0, packet.Payload.Length);

        var seen = new List<(int Id, string Data)>();
        foreach (RtpHeaderExtension element in packet.HeaderExtensions)
        {
            seen.Add((element.Id, Convert.ToHexString(element.Data).ToLowerInvariant()));
        }

        Assert.Equal([(2, "f34350"), (4, "009b"), (13, "810045")], seen);

        Assert.True(packet.TryGetHeaderExtension(2, out ReadOnlySpan<byte> abs));
        Assert.True(AbsSendTimeExtension.TryRead(abs, out uint absSendTime));
        Assert.Equal(0xf34350u, absSendTime);
        Assert.True(packet.TryGetHeaderExtension(4, out ReadOnlySpan<byte> twcc));
        Assert.True(TransportSequenceNumberExtension.TryRead(twcc, out ushort transportSequence));
        Assert.Equal(0x009b, transportSequence);
        Assert.False(packet.TryGetHeaderExtension(5, out _));
    }

    [Fact]
    public void Reads_two_byte_elements_of_a_chrome_packet()
    {
        byte[] bytes = Hex.Decode(ChromeTwoByteHeader);
        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        Assert.Equal(25029, packet.SequenceNumber);
        Assert.Equal(2500464622u, packet.Timestamp);
        Assert.True(RtpHeaderExtensionProfile.IsTwoByte(packet.ExtensionProfile));

        var seen = new List<(int Id, int Length)>();
        foreach (RtpHeaderExtension element in packet.HeaderExtensions)
        {
            seen.Add((element.Id, element.Data.Length));
        }

        Assert.Equal([(2, 3), (4, 2), (9, 1), (3, 1), (6, 1), (7, 13), (13, 33)], seen);
        Assert.True(packet.TryGetHeaderExtension(13, out ReadOnlySpan<byte> last));
        Assert.Equal("c000018003187aaaf130a0a014d1413823046008642222265009f0077013f00ef0", Convert.ToHexString(last).ToLowerInvariant());
        Assert.True(packet.TryGetHeaderExtension(9, out ReadOnlySpan<byte> mid));
        Assert.True(SdesMidExtension.Matches(mid, "0"));
    }

    [Theory]
    [InlineData("bede0001 f0112233", new int[0])] // id 15 stops parsing (RFC 8285 4.2)
    [InlineData("bede0001 00001011", new[] { 1 })] // padding octets skipped, then id 1 with 1 byte
    [InlineData("bede0001 13aabb", new int[0])] // id 1 wants 4 bytes, only 2 remain: element dropped (block is padded below)
    [InlineData("10000001 0100 0200", new[] { 1, 2 })] // two-byte form allows zero-length data
    [InlineData("10000001 0105aabb", new int[0])] // two-byte element overruns
    [InlineData("abcd0001 11223344", new int[0])] // unknown profile: no RFC 8285 elements
    public void Element_walk_handles_padding_terminators_and_overruns(string extension, int[] expectedIds)
    {
        byte[] ext = Hex.Decode(extension);
        if (ext.Length % 4 != 0)
        {
            ext = [.. ext, .. new byte[4 - (ext.Length % 4)]];
        }

        byte[] bytes = [.. Hex.Decode("90600001 00000001 00000001"), .. ext];
        Assert.True(RtpPacket.TryParse(bytes, out RtpPacket packet));
        var ids = new List<int>();
        foreach (RtpHeaderExtension element in packet.HeaderExtensions)
        {
            ids.Add(element.Id);
        }

        Assert.Equal(expectedIds, ids);
    }

    [Fact]
    public void Typed_helpers_round_trip()
    {
        byte[] buffer = new byte[100];
        var writer = new RtpPacketWriter(buffer);
        Assert.True(writer.TryWriteHeader(false, 111, 1, 2, 3));
        Assert.True(SdesMidExtension.TryAdd(ref writer, 1, "audio0"));
        Assert.True(AbsSendTimeExtension.TryAdd(ref writer, 2, AbsSendTimeExtension.FromNtp(0x0000_0001_8000_0000)));
        Assert.True(TransportSequenceNumberExtension.TryAdd(ref writer, 3, 65000));
        Assert.True(AudioLevelExtension.TryAdd(ref writer, 4, true, 42));
        Assert.True(writer.TryWritePayload([1, 2, 3]));

        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, writer.Length), out RtpPacket packet));
        Assert.True(packet.TryGetHeaderExtension(1, out ReadOnlySpan<byte> mid));
        Assert.True(SdesMidExtension.Matches(mid, "audio0"));
        Assert.False(SdesMidExtension.Matches(mid, "audio1"));
        Assert.True(packet.TryGetHeaderExtension(2, out ReadOnlySpan<byte> abs));
        Assert.True(AbsSendTimeExtension.TryRead(abs, out uint absValue));
        Assert.Equal(TimeSpan.FromSeconds(1.5), AbsSendTimeExtension.ToTimeSpan(absValue)); // 1.5 s in 6.18
        Assert.True(packet.TryGetHeaderExtension(3, out ReadOnlySpan<byte> twcc));
        Assert.True(TransportSequenceNumberExtension.TryRead(twcc, out ushort seq));
        Assert.Equal(65000, seq);
        Assert.True(packet.TryGetHeaderExtension(4, out ReadOnlySpan<byte> level));
        Assert.True(AudioLevelExtension.TryRead(level, out bool voice, out byte dbov));
        Assert.True(voice);
        Assert.Equal(42, dbov);
    }

    [Fact]
    public void Audio_level_follows_rfc6464_bit_layout()
    {
        Assert.Equal(0x80 | 127, AudioLevelExtension.Encode(true, 200)); // clamped to 127
        Assert.Equal(0x05, AudioLevelExtension.Encode(false, 5));
        Assert.True(AudioLevelExtension.TryRead([0xFF], out bool voice, out byte level));
        Assert.True(voice);
        Assert.Equal(127, level);
        Assert.False(AudioLevelExtension.TryRead([], out _, out _));
    }

    [Fact]
    public void Abs_send_time_is_the_middle_24_bits_of_ntp()
    {
        // 6.18 fixed point: 6 bits of seconds (mod 64) and 18 bits of fraction.
        ulong ntp = ((ulong)(64 + 3) << 32) | 0x4000_0000; // 67.25 s
        uint value = AbsSendTimeExtension.FromNtp(ntp);
        Assert.Equal((3u << 18) | (1u << 16), value);
        Assert.Equal(TimeSpan.FromSeconds(3.25), AbsSendTimeExtension.ToTimeSpan(value));
        Assert.False(AbsSendTimeExtension.TryRead([1, 2], out _));
    }

    [Fact]
    public void Mid_rejects_empty_and_non_ascii()
    {
        Span<byte> buffer = stackalloc byte[16];
        Assert.False(SdesMidExtension.TryWrite("", buffer, out _));
        Assert.False(SdesMidExtension.TryWrite("é", buffer, out _));
        Assert.True(SdesMidExtension.TryWrite("video", buffer, out int written));
        Assert.Equal(5, written);
        Assert.False(SdesMidExtension.TryRead([], out _));
    }
}
