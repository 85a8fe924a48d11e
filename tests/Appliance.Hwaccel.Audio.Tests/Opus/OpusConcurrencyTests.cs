using Appliance.Hwaccel.Audio.Opus;
using Appliance.Hwaccel.Audio.Tests.Support;
using CsCheck;

namespace Appliance.Hwaccel.Audio.Tests.Opus;

/// <summary>
/// A codec has one owner. Overlapping calls from a second thread must be refused before they reach
/// libopus: two threads inside <c>opus_decode</c> on one state corrupt native memory and abort the
/// whole process (this suite once died of exactly that, through a multi-threaded property test).
/// Without the guard these tests crash the test host.
/// </summary>
public class OpusConcurrencyTests
{
    [Fact]
    public void Overlapping_decodes_are_refused_not_run()
    {
        using var encoder = new OpusEncoder(2, OpusApplication.Voip) { Bitrate = 48_000 };
        var packets = OpusTestSignals.EncodeTone(encoder, 440, 10);
        using var decoder = new OpusDecoder(2);

        Gen.Select(Gen.Int[0, packets.Count - 1], Gen.Byte.Array[0, 400], Gen.Bool).Sample((index, noise, useNoise) =>
        {
            var output = new short[OpusFormat.SamplesPerFrame(2)];
            var packet = useNoise ? noise : packets[index];
            var result = decoder.Decode(packet, output);
            var fec = decoder.DecodeFec(packet, output);
            Assert.True(result.Succeeded || result.Error is OpusError.InvalidPacket or OpusError.BufferTooSmall or OpusError.InvalidState, result.ToString());
            Assert.True(fec.Succeeded || fec.Error is OpusError.InvalidPacket or OpusError.InvalidState, fec.ToString());
        }, iter: 20_000, threads: 4);

        // The decoder is intact afterwards.
        using var fresh = new OpusEncoder(2, OpusApplication.Voip) { Bitrate = 48_000 };
        var decoded = OpusTestSignals.DecodeAll(decoder, OpusTestSignals.EncodeTone(fresh, 1000, 20));
        ToneAssert.Dominant(decoded.AsSpan(decoded.Length - (5 * 1920)), 2, 0, 1000, absent: 440);
    }

    [Fact]
    public void Overlapping_encodes_throw_instead_of_corrupting()
    {
        using var encoder = new OpusEncoder(1, OpusApplication.Audio);
        var refused = 0;

        Parallel.For(0, 4, _ =>
        {
            var pcm = new short[960];
            var packet = new byte[OpusFormat.MaxPacketBytesPerFrame];
            new Appliance.Hwaccel.Audio.Mixing.ToneGenerator(440, 0.5).Fill(pcm);
            for (var i = 0; i < 500; i++)
            {
                try
                {
                    Assert.True(encoder.Encode(pcm, packet) > 0);
                }
                catch (InvalidOperationException)
                {
                    Interlocked.Increment(ref refused);
                }
            }
        });

        // Still a working encoder.
        using var decoder = new OpusDecoder(1);
        var decoded = OpusTestSignals.DecodeAll(decoder, OpusTestSignals.EncodeTone(encoder, 1000, 20));
        ToneAssert.Dominant(decoded.AsSpan(decoded.Length - 4800), 1, 0, 1000, absent: 440);
        Assert.InRange(refused, 0, 1999);
    }
}
