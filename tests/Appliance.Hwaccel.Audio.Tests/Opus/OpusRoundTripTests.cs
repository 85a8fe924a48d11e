using Appliance.Hwaccel.Audio.Mixing;
using Appliance.Hwaccel.Audio.Opus;
using Appliance.Hwaccel.Audio.Tests.Support;

namespace Appliance.Hwaccel.Audio.Tests.Opus;

/// <summary>A tone encoded and decoded comes out at the same frequency and about the same level.</summary>
public class OpusRoundTripTests
{
    private const int Frames = 25;       // 500 ms
    private const int SettledFrames = 10; // analyse the last 200 ms (5 Hz resolution)

    [Theory]
    [InlineData(440, OpusApplication.Voip)]
    [InlineData(1000, OpusApplication.Voip)]
    [InlineData(440, OpusApplication.Audio)]
    [InlineData(1000, OpusApplication.Audio)]
    public void Mono_tone_survives_encode_and_decode(double frequencyHz, OpusApplication application)
    {
        using var encoder = new OpusEncoder(1, application) { Bitrate = 32_000 };
        using var decoder = new OpusDecoder(1);

        var packets = OpusTestSignals.EncodeTone(encoder, frequencyHz, Frames);
        var decoded = OpusTestSignals.DecodeAll(decoder, packets);

        var settled = decoded.AsSpan(decoded.Length - (SettledFrames * OpusFormat.SamplesPerChannelPerFrame));
        var other = frequencyHz == 440 ? 1000 : 440;
        ToneAssert.Dominant(settled, 1, 0, frequencyHz, absent: other);

        // Amplitude 0.5 sine: -9 dBov RMS; the codec keeps the level within a couple of dB.
        Assert.InRange(AudioLevel.ComputeDbov(settled), -11, -7);
    }

    [Theory]
    [InlineData(OpusApplication.Voip)]
    [InlineData(OpusApplication.Audio)]
    public void Stereo_keeps_a_different_tone_in_each_channel(OpusApplication application)
    {
        using var encoder = new OpusEncoder(2, application) { Bitrate = 64_000 };
        using var decoder = new OpusDecoder(2);
        var left = new ToneGenerator(440, 0.5);
        var right = new ToneGenerator(1000, 0.5);

        var packets = OpusTestSignals.Encode(encoder, Frames, (_, pcm) =>
        {
            left.FillChannel(pcm, 2, 0);
            right.FillChannel(pcm, 2, 1);
        });
        var decoded = OpusTestSignals.DecodeAll(decoder, packets);

        var settled = decoded.AsSpan(decoded.Length - (SettledFrames * OpusFormat.SamplesPerFrame(2)));
        ToneAssert.Dominant(settled, 2, 0, 440, marginDb: 20, absent: 1000);
        ToneAssert.Dominant(settled, 2, 1, 1000, marginDb: 20, absent: 440);
    }

    [Fact]
    public void Decoder_range_coder_state_matches_the_encoder_after_every_packet()
    {
        // opus_demo's bit-exactness check: OPUS_GET_FINAL_RANGE agrees on both sides only when the
        // decoder consumed exactly the bits the encoder produced.
        using var encoder = new OpusEncoder(1, OpusApplication.Voip) { Bitrate = 24_000 };
        using var decoder = new OpusDecoder(1);
        var tone = new ToneGenerator(440, 0.3);
        var pcm = new short[encoder.SamplesPerFrame];
        var packet = new byte[OpusFormat.MaxPacketBytesPerFrame];
        var output = new short[pcm.Length];

        for (var i = 0; i < 20; i++)
        {
            tone.Fill(pcm);
            var length = encoder.Encode(pcm, packet);
            Assert.True(decoder.Decode(packet.AsSpan(0, length), output).Succeeded);
            Assert.Equal(encoder.FinalRange, decoder.FinalRange);
            Assert.Equal(OpusFormat.SamplesPerChannelPerFrame, decoder.LastPacketDuration);
        }

        Assert.Equal(20, decoder.DecodedPacketCount);
    }

    [Fact]
    public void Mono_decoder_accepts_stereo_packets()
    {
        using var encoder = new OpusEncoder(2, OpusApplication.Audio) { Bitrate = 64_000 };
        using var decoder = new OpusDecoder(1);

        var packets = OpusTestSignals.EncodeTone(encoder, 440, Frames);
        var decoded = OpusTestSignals.DecodeAll(decoder, packets);

        ToneAssert.Dominant(decoded.AsSpan(decoded.Length - (SettledFrames * 960)), 1, 0, 440, absent: 1000);
    }
}
