using Appliance.Hwaccel.Audio.Opus;
using Appliance.Hwaccel.Audio.Opus.Packets;
using Appliance.Hwaccel.Audio.Tests.Support;
using CsCheck;

namespace Appliance.Hwaccel.Audio.Tests.Opus.Packets;

/// <summary>RFC 6716 section 3.1 TOC byte and section 3.2.5 frame count byte, checked against Table 2 and against libopus.</summary>
public class OpusPacketHeaderTests
{
    [Theory]
    [InlineData(0x00, OpusMode.SilkOnly, OpusBandwidth.Narrowband, 480)]   // config 0: SILK NB 10 ms
    [InlineData(0x18, OpusMode.SilkOnly, OpusBandwidth.Narrowband, 2880)]  // config 3: SILK NB 60 ms
    [InlineData(0x28, OpusMode.SilkOnly, OpusBandwidth.Mediumband, 960)]   // config 5: SILK MB 20 ms
    [InlineData(0x48, OpusMode.SilkOnly, OpusBandwidth.Wideband, 960)]     // config 9: SILK WB 20 ms
    [InlineData(0x68, OpusMode.Hybrid, OpusBandwidth.Superwideband, 960)]  // config 13: Hybrid SWB 20 ms
    [InlineData(0x70, OpusMode.Hybrid, OpusBandwidth.Fullband, 480)]       // config 14: Hybrid FB 10 ms
    [InlineData(0x80, OpusMode.CeltOnly, OpusBandwidth.Narrowband, 120)]   // config 16: CELT NB 2.5 ms
    [InlineData(0xA8, OpusMode.CeltOnly, OpusBandwidth.Wideband, 240)]     // config 21: CELT WB 5 ms
    [InlineData(0xD0, OpusMode.CeltOnly, OpusBandwidth.Superwideband, 480)] // config 26: CELT SWB 10 ms
    [InlineData(0xF8, OpusMode.CeltOnly, OpusBandwidth.Fullband, 960)]     // config 31: CELT FB 20 ms
    public void Table_2_configurations(byte toc, OpusMode mode, OpusBandwidth bandwidth, int frameSamples)
    {
        Assert.True(OpusPacketHeader.TryParse([toc], out var header));
        Assert.Equal(toc >> 3, header.Config);
        Assert.Equal(mode, header.Mode);
        Assert.Equal(bandwidth, header.Bandwidth);
        Assert.Equal(frameSamples, header.FrameSamples);
        Assert.False(header.IsStereo);
        Assert.Equal(1, header.FrameCount);
        Assert.Equal(frameSamples, header.DurationSamples);
        Assert.Equal(mode != OpusMode.CeltOnly, header.CanCarryFec);
    }

    [Fact]
    public void Frame_count_codes()
    {
        Assert.True(OpusPacketHeader.TryParse([0xFC], out var stereoOne));      // s = 1, c = 0
        Assert.True(stereoOne.IsStereo);
        Assert.Equal(1, stereoOne.FrameCount);

        Assert.True(OpusPacketHeader.TryParse([0xF9, 0, 0], out var two));      // c = 1
        Assert.Equal(2, two.FrameCount);
        Assert.Equal(1920, two.DurationSamples);

        Assert.True(OpusPacketHeader.TryParse([0xFA, 1, 0], out var twoVbr));   // c = 2
        Assert.Equal(2, twoVbr.FrameCount);

        Assert.True(OpusPacketHeader.TryParse([0xFB, 0xC6], out var six));      // c = 3, v = 1, p = 1, M = 6
        Assert.Equal(6, six.FrameCount);
        Assert.True(six.IsVariableBitrate);
        Assert.True(six.HasPadding);
        Assert.Equal(OpusFormat.MaxSamplesPerChannelPerPacket, six.DurationSamples);
        Assert.Equal(2, six.Length);
    }

    [Theory]
    [InlineData(new byte[0])]              // [R1] at least one byte
    [InlineData(new byte[] { 0xFB })]       // code 3 without its frame count byte
    [InlineData(new byte[] { 0xFB, 0x00 })] // [R5] M = 0
    [InlineData(new byte[] { 0xFB, 0x07 })] // [R5] 7 × 20 ms = 140 ms
    [InlineData(new byte[] { 0x1B, 0x03 })] // [R5] 3 × 60 ms = 180 ms (SILK NB 60 ms)
    public void Headers_breaking_the_requirements_are_refused(byte[] packet)
    {
        Assert.False(OpusPacketHeader.TryParse(packet, out var header));
        Assert.Equal(default, header);
    }

    [Fact]
    public void Every_toc_byte_agrees_with_libopus_and_writes_back_unchanged()
    {
        var written = new byte[2];
        for (var toc = 0; toc < 256; toc++)
        {
            byte[] packet = [(byte)toc, 0x01, 0, 0];
            Assert.True(OpusPacketHeader.TryParse(packet, out var header));

            Assert.Equal(LibOpusOracle.GetSamplesPerFrame(packet, 48_000), header.FrameSamples);
            Assert.Equal(LibOpusOracle.GetNbChannels(packet), header.IsStereo ? 2 : 1);
            Assert.Equal(LibOpusOracle.GetBandwidth(packet), 1101 + Array.IndexOf(Enum.GetValues<OpusBandwidth>(), header.Bandwidth));
            Assert.Equal(LibOpusOracle.GetNbFrames(packet, packet.Length), header.FrameCount);

            Assert.True(header.TryWrite(written, out var length));
            Assert.Equal(header.Length, length);
            Assert.Equal(packet.AsSpan(0, length).ToArray(), written[..length]);
        }
    }

    [Fact]
    public void Parse_accepts_exactly_the_headers_libopus_can_size_and_agrees_on_the_duration()
    {
        Gen.Byte.Array[0, 6].Sample(packet =>
        {
            var samples = packet.Length == 0 ? -1 : LibOpusOracle.GetNbSamples(packet, packet.Length, 48_000);
            var parsed = OpusPacketHeader.TryParse(packet, out var header);

            // opus_packet_get_nb_samples sizes a code 3 packet with M = 0 as 0 samples rather than
            // an error; opus_decode rejects it ([R5]), and so does the parser.
            Assert.Equal(samples > 0, parsed);
            if (parsed)
            {
                Assert.Equal(samples, header.DurationSamples);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Create_write_parse_round_trip()
    {
        var gen = Gen.Select(Gen.Int[0, 31], Gen.Bool, Gen.Int[0, 3], Gen.Int[1, 63], Gen.Bool, Gen.Bool);
        gen.Sample((config, stereo, code, count, vbr, padding) =>
        {
            var header = OpusPacketHeader.Create(config, stereo, code, count, vbr, padding);
            Span<byte> bytes = stackalloc byte[2];
            Assert.True(header.TryWrite(bytes, out var length));

            var parsed = OpusPacketHeader.TryParse(bytes[..length], out var back);
            var tooLong = code == 3 && count * header.FrameSamples > OpusFormat.MaxSamplesPerChannelPerPacket;
            Assert.Equal(!tooLong, parsed);
            if (parsed)
            {
                Assert.Equal(header, back);
                Assert.Equal(config, back.Config);
                Assert.Equal(stereo, back.IsStereo);
                Assert.Equal(code, back.FrameCountCode);
                Assert.Equal(code == 3 && vbr, back.IsVariableBitrate);
                Assert.Equal(code == 3 && padding, back.HasPadding);
            }
        });
    }

    [Fact]
    public void Writing_into_a_short_buffer_fails_cleanly()
    {
        var header = OpusPacketHeader.Create(31, false, 3, 2);
        Assert.False(header.TryWrite(new byte[1], out var written));
        Assert.Equal(0, written);
        Assert.False(header.TryWrite(Span<byte>.Empty, out _));
    }

    [Theory]
    [InlineData(OpusApplication.Voip, 1, 24_000, true)]
    [InlineData(OpusApplication.Audio, 2, 128_000, false)]
    public void Packets_from_the_encoder_are_20_ms_and_say_whether_they_can_carry_fec(OpusApplication application, int channels, int bitrate, bool fec)
    {
        using var encoder = new OpusEncoder(channels, application) { Bitrate = bitrate };
        var packets = OpusTestSignals.EncodeTone(encoder, 440, 10);

        foreach (var packet in packets.Skip(2))
        {
            Assert.True(OpusPacketHeader.TryParse(packet, out var header), Convert.ToHexString(packet));
            Assert.Equal(960, header.DurationSamples);
            Assert.Equal(channels == 2, header.IsStereo);
            Assert.Equal(fec, header.CanCarryFec);
        }
    }
}
