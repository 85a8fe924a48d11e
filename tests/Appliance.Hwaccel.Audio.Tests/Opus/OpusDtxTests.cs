using Appliance.Hwaccel.Audio.Opus;
using Appliance.Hwaccel.Audio.Tests.Support;

namespace Appliance.Hwaccel.Audio.Tests.Opus;

/// <summary>Discontinuous transmission: silence becomes packets that need not be sent.</summary>
public class OpusDtxTests
{
    [Theory]
    [InlineData(1, OpusApplication.Voip)]
    [InlineData(2, OpusApplication.Voip)]
    [InlineData(1, OpusApplication.Audio)]
    public void Silence_with_dtx_gives_packets_of_at_most_two_bytes(int channels, OpusApplication application)
    {
        using var encoder = new OpusEncoder(channels, application) { Bitrate = 32_000, Dtx = true };

        var packets = OpusTestSignals.Encode(encoder, 50, (_, _) => { });

        // libopus enters DTX after 10 frames (200 ms) of silence; from then on packets are DTX
        // packets (opus.h: "2 bytes or less") except one refresh of the comfort noise every 400 ms.
        var afterOnset = packets.Skip(10).ToList();
        var dtxPackets = afterOnset.Count(packet => packet.Length <= 2);
        Assert.True(dtxPackets >= afterOnset.Count - 2, $"only {dtxPackets} of {afterOnset.Count} packets are DTX: {string.Join(",", afterOnset.Select(p => p.Length))}");
        Assert.True(encoder.InDtx);
    }

    [Fact]
    public void Silence_without_dtx_keeps_sending_real_packets()
    {
        using var encoder = new OpusEncoder(1, OpusApplication.Voip) { Bitrate = 32_000, Dtx = false };

        var packets = OpusTestSignals.Encode(encoder, 50, (_, _) => { });

        Assert.All(packets.Skip(25), packet => Assert.True(packet.Length > 2, $"{packet.Length} bytes"));
        Assert.False(encoder.InDtx);
    }

    [Fact]
    public void Dtx_packets_decode_to_silence_and_speech_resumes_after()
    {
        using var encoder = new OpusEncoder(1, OpusApplication.Voip) { Bitrate = 32_000, Dtx = true };
        using var decoder = new OpusDecoder(1);
        var silence = OpusTestSignals.Encode(encoder, 40, (_, _) => { });
        var tone = OpusTestSignals.EncodeTone(encoder, 440, 15);

        var decoded = OpusTestSignals.DecodeAll(decoder, silence.Concat(tone).ToList());

        var quiet = decoded.AsSpan(30 * 960, 10 * 960);
        Assert.True(Appliance.Hwaccel.Audio.Mixing.AudioLevel.ComputeDbov(quiet) < -60);
        ToneAssert.Dominant(decoded.AsSpan(decoded.Length - (5 * 960)), 1, 0, 440, absent: 1000);
    }
}
