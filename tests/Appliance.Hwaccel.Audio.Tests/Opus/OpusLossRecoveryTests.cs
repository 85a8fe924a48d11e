using Appliance.Hwaccel.Audio.Mixing;
using Appliance.Hwaccel.Audio.Opus;
using Appliance.Hwaccel.Audio.Tests.Support;

namespace Appliance.Hwaccel.Audio.Tests.Opus;

/// <summary>Packet-loss concealment and in-band FEC recovery of a lost 20 ms frame.</summary>
public class OpusLossRecoveryTests
{
    private const int Frame = OpusFormat.SamplesPerChannelPerFrame;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Concealment_continues_the_tone_through_a_missing_frame(int channels)
    {
        using var encoder = new OpusEncoder(channels, OpusApplication.Voip) { Bitrate = 32_000 * channels };
        using var decoder = new OpusDecoder(channels);
        var packets = OpusTestSignals.EncodeTone(encoder, 440, 20);
        OpusTestSignals.DecodeAll(decoder, packets);

        var concealed = new short[Frame * channels];
        var result = decoder.DecodeMissing(concealed);

        Assert.Equal(new OpusDecodeResult(OpusError.Ok, Frame), result);
        Assert.Equal(1, decoder.ConcealedFrameCount);
        ToneAssert.Audible(concealed, minDbov: -20);
        for (var channel = 0; channel < channels; channel++)
        {
            ToneAssert.Dominant(concealed, channels, channel, 440, marginDb: 15, absent: 1000);
        }
    }

    [Fact]
    public void An_empty_packet_is_concealed_like_a_missing_frame()
    {
        using var encoder = new OpusEncoder(1, OpusApplication.Voip);
        using var decoder = new OpusDecoder(1);
        OpusTestSignals.DecodeAll(decoder, OpusTestSignals.EncodeTone(encoder, 440, 10));

        var concealed = new short[Frame];
        var result = decoder.Decode(ReadOnlySpan<byte>.Empty, concealed);

        Assert.Equal(new OpusDecodeResult(OpusError.Ok, Frame), result);
        Assert.Equal(1, decoder.ConcealedFrameCount);
        Assert.Equal(0, decoder.CorruptPacketCount);
        ToneAssert.Audible(concealed, minDbov: -20);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)] // not a multiple of 2.5 ms (120 samples)
    public void Concealment_of_an_impossible_duration_is_refused_without_throwing(int samples)
    {
        using var decoder = new OpusDecoder(1);
        Assert.Equal(new OpusDecodeResult(OpusError.BadArgument, 0), decoder.DecodeMissing(new short[samples]));
        Assert.Equal(new OpusDecodeResult(OpusError.BadArgument, 0), decoder.DecodeFec([0xF8, 0x00], new short[samples]));
    }

    [Fact]
    public void Fec_recovers_a_lost_frame_from_the_next_packet()
    {
        // The tone changes from 440 Hz to 1000 Hz exactly where lost packet N's audio starts, so
        // concealment (which extrapolates the past, 440 Hz) and FEC (which carries N itself,
        // 1000 Hz) give different answers.
        const int Lost = 20;
        using var encoder = new OpusEncoder(1, OpusApplication.Voip)
        {
            Bitrate = 32_000,
            InbandFec = true,
            PacketLossPercentage = 20,
        };
        var switchAt = (Lost * Frame) - encoder.Lookahead;
        var low = new ToneGenerator(440, 0.5);
        var high = new ToneGenerator(1000, 0.5);
        var packets = OpusTestSignals.Encode(encoder, Lost + 5, (index, pcm) =>
        {
            for (var i = 0; i < pcm.Length; i++)
            {
                var tone = (index * Frame) + i < switchAt ? low : high;
                tone.Fill(pcm.AsSpan(i, 1));
            }
        });

        // The reference: packet N decoded normally.
        using var reference = new OpusDecoder(1);
        var original = OpusTestSignals.DecodeAll(reference, packets).AsSpan(Lost * Frame, Frame).ToArray();

        // Packet N is lost: recover it from packet N+1, then decode N+1 itself.
        using var fec = new OpusDecoder(1);
        OpusTestSignals.DecodeAll(fec, packets.Take(Lost).ToList());
        var recovered = new short[Frame];
        Assert.Equal(new OpusDecodeResult(OpusError.Ok, Frame), fec.DecodeFec(packets[Lost + 1], recovered));
        var next = new short[Frame];
        Assert.Equal(new OpusDecodeResult(OpusError.Ok, Frame), fec.Decode(packets[Lost + 1], next));

        // Plain concealment of the same loss, for contrast.
        using var plc = new OpusDecoder(1);
        OpusTestSignals.DecodeAll(plc, packets.Take(Lost).ToList());
        var concealed = new short[Frame];
        Assert.True(plc.DecodeMissing(concealed).Succeeded);

        ToneAssert.Dominant(original, 1, 0, 1000, marginDb: 15, absent: 440);
        ToneAssert.Dominant(recovered, 1, 0, 1000, marginDb: 10, absent: 440);
        Assert.True(Correlation(recovered, original) > 0.8, $"correlation {Correlation(recovered, original):F2}");
        Assert.True(Correlation(concealed, original) < Correlation(recovered, original));
        Assert.InRange(AudioLevel.ComputeDbov(recovered) - AudioLevel.ComputeDbov(original), -3, 3);
    }

    private static double Correlation(ReadOnlySpan<short> a, ReadOnlySpan<short> b)
    {
        double ab = 0, aa = 0, bb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            ab += a[i] * (double)b[i];
            aa += a[i] * (double)a[i];
            bb += b[i] * (double)b[i];
        }

        return ab / Math.Sqrt(aa * bb);
    }
}
