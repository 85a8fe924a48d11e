using Appliance.Hwaccel.Audio.Mixing;
using Appliance.Hwaccel.Audio.Opus;

namespace Appliance.Hwaccel.Audio.Tests.Opus;

/// <summary>The per-frame path allocates nothing once warmed up.</summary>
public class OpusAllocationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Steady_state_encode_decode_conceal_fec_and_mix_allocate_nothing(int channels)
    {
        using var encoder = new OpusEncoder(channels, OpusApplication.Voip) { Bitrate = 32_000, InbandFec = true, PacketLossPercentage = 10 };
        using var decoder = new OpusDecoder(channels);
        var tone = new ToneGenerator(440, 0.5);
        var samples = OpusFormat.SamplesPerFrame(channels);
        var pcm = new short[samples];
        var decoded = new short[samples];
        var mixed = new short[samples];
        var sum = new int[samples];
        var floats = new float[samples];
        var packet = new byte[OpusFormat.MaxPacketBytesPerFrame];
        long levels = 0;

        void OneFrame(int index)
        {
            tone.Fill(pcm, channels);
            var length = encoder.Encode(pcm, packet);
            var payload = packet.AsSpan(0, length);
            var result = index % 10 == 3 ? decoder.DecodeMissing(decoded)
                : index % 10 == 6 ? decoder.DecodeFec(payload, decoded)
                : decoder.Decode(payload, decoded);
            Assert.True(result.Succeeded);
            _ = decoder.Decode([0xFB, 0x00], decoded); // a corrupt packet on the way

            Array.Clear(sum);
            SampleMixing.Accumulate(decoded, sum);
            SampleMixing.Accumulate(pcm, sum);
            SampleMixing.SubtractAndSaturate(sum, pcm, mixed);
            SampleFormat.ToFloat(mixed, floats);
            SampleFormat.ToInt16(floats, mixed);
            levels += AudioLevel.ComputeLevel(mixed);
        }

        for (var i = 0; i < 20; i++)
        {
            OneFrame(i);
        }

        long allocated = SteadyState.AllocatedBytes(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                OneFrame(i);
            }
        });

        Assert.Equal(0, allocated);
        Assert.True(levels > 0);
        Assert.True(decoder.CorruptPacketCount >= 220, $"{decoder.CorruptPacketCount} corrupt packets counted"); // every one of the warm-up's and a window's
    }
}
