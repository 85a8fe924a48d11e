using Appliance.Hwaccel.Audio.Opus;

namespace Appliance.Hwaccel.Audio.Tests.Opus;

/// <summary>The control path: creation, ctl settings through the fixed-signature variadic calls, errors and disposal.</summary>
public class OpusControlTests
{
    [Fact]
    public void The_loaded_library_is_libopus_1()
    {
        Assert.True(OpusLibrary.IsAvailable);
        Assert.StartsWith("libopus 1.", OpusLibrary.Version);
        Assert.Equal("invalid argument", OpusLibrary.Describe(OpusError.BadArgument));
        Assert.Equal("corrupted stream", OpusLibrary.Describe(OpusError.InvalidPacket));
    }

    [Fact]
    public void Settings_written_through_the_int_ctls_read_back_through_the_pointer_ctls()
    {
        using var encoder = new OpusEncoder(2, OpusApplication.Voip)
        {
            Bitrate = 40_000,
            Complexity = 3,
            InbandFec = true,
            PacketLossPercentage = 17,
            Dtx = true,
        };

        Assert.Equal(40_000, encoder.Bitrate);
        Assert.Equal(3, encoder.Complexity);
        Assert.True(encoder.InbandFec);
        Assert.Equal(17, encoder.PacketLossPercentage);
        Assert.True(encoder.Dtx);

        encoder.InbandFec = false;
        encoder.Dtx = false;
        encoder.Complexity = 10;
        Assert.False(encoder.InbandFec);
        Assert.False(encoder.Dtx);
        Assert.Equal(10, encoder.Complexity);
    }

    [Fact]
    public void Defaults_and_read_only_properties()
    {
        using var encoder = new OpusEncoder(1, OpusApplication.Voip);

        Assert.Equal(1, encoder.Channels);
        Assert.Equal(OpusApplication.Voip, encoder.Application);
        Assert.Equal(960, encoder.SamplesPerFrame);
        Assert.False(encoder.InbandFec);
        Assert.False(encoder.Dtx);
        Assert.Equal(0, encoder.PacketLossPercentage);

        // 2.5 ms of delay compensation plus 4 ms of SILK lookahead in VoIP mode (opus_encoder.c).
        Assert.Equal(312, encoder.Lookahead);
    }

    [Fact]
    public void Bitrate_changes_the_packet_size()
    {
        using var encoder = new OpusEncoder(1, OpusApplication.Audio);
        encoder.Bitrate = 16_000;
        var low = Support.OpusTestSignals.EncodeTone(encoder, 440, 20).Skip(5).Average(packet => packet.Length);
        encoder.Bitrate = 96_000;
        var high = Support.OpusTestSignals.EncodeTone(encoder, 440, 20).Skip(5).Average(packet => packet.Length);

        // 16 kbit/s is 40 bytes per 20 ms, 96 kbit/s is 240 bytes (VBR: roughly).
        Assert.InRange(low, 25, 65);
        Assert.InRange(high, 160, 300);
        Assert.True(high > 3 * low);
    }

    [Theory]
    [InlineData("complexity", 11)]
    [InlineData("loss", 101)]
    [InlineData("loss", -1)]
    [InlineData("bitrate", 0)]
    public void A_rejected_setting_throws_with_libopus_message(string setting, int value)
    {
        using var encoder = new OpusEncoder(1, OpusApplication.Voip);

        var error = Assert.Throws<OpusException>(() =>
        {
            switch (setting)
            {
                case "complexity": encoder.Complexity = value; break;
                case "loss": encoder.PacketLossPercentage = value; break;
                default: encoder.Bitrate = value; break;
            }
        });

        Assert.Equal(OpusError.BadArgument, error.Error);
        Assert.StartsWith("OPUS_SET_", error.Operation);
        Assert.Contains("invalid argument", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Only_mono_and_stereo_are_accepted(int channels)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpusEncoder(channels, OpusApplication.Voip));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpusDecoder(channels));
    }

    [Fact]
    public void An_unknown_application_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OpusEncoder(1, (OpusApplication)1234));
    }

    [Theory]
    [InlineData(959)]
    [InlineData(1920)]
    [InlineData(0)]
    public void Encode_requires_exactly_one_20_ms_frame(int samples)
    {
        using var encoder = new OpusEncoder(1, OpusApplication.Voip);
        Assert.Throws<ArgumentException>(() => encoder.Encode(new short[samples], new byte[OpusFormat.MaxPacketBytesPerFrame]));
        Assert.Throws<ArgumentException>(() => encoder.Encode(new short[960], Span<byte>.Empty));
    }

    [Fact]
    public void A_tiny_packet_buffer_caps_the_packet_size()
    {
        using var encoder = new OpusEncoder(1, OpusApplication.Audio) { Bitrate = 128_000 };
        var pcm = new short[960];
        new Appliance.Hwaccel.Audio.Mixing.ToneGenerator(440, 0.5).Fill(pcm);
        var packet = new byte[20];

        Assert.InRange(encoder.Encode(pcm, packet), 1, 20);
    }

    [Fact]
    public void Reset_keeps_the_settings_and_the_codec_usable()
    {
        using var encoder = new OpusEncoder(1, OpusApplication.Voip) { Bitrate = 20_000 };
        using var decoder = new OpusDecoder(1);
        Support.OpusTestSignals.DecodeAll(decoder, Support.OpusTestSignals.EncodeTone(encoder, 440, 5));

        encoder.ResetState();
        decoder.ResetState();

        Assert.Equal(20_000, encoder.Bitrate);
        var again = Support.OpusTestSignals.DecodeAll(decoder, Support.OpusTestSignals.EncodeTone(encoder, 440, 20));
        Support.ToneAssert.Dominant(again.AsSpan(again.Length - 4800), 1, 0, 440, absent: 1000);
    }

    [Fact]
    public void Dispose_frees_the_native_state_and_later_use_fails_clearly()
    {
        var encoder = new OpusEncoder(1, OpusApplication.Voip);
        var decoder = new OpusDecoder(1);
        encoder.Dispose();
        decoder.Dispose();
        encoder.Dispose(); // idempotent
        decoder.Dispose();

        Assert.Throws<ObjectDisposedException>(() => encoder.Encode(new short[960], new byte[100]));
        Assert.Throws<ObjectDisposedException>(() => encoder.Bitrate);
        Assert.Throws<ObjectDisposedException>(() => decoder.Decode([0xF8, 0x00], new short[960]));
    }
}
