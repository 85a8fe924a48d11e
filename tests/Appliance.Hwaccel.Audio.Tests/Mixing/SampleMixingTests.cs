using Appliance.Hwaccel.Audio.Mixing;
using CsCheck;

namespace Appliance.Hwaccel.Audio.Tests.Mixing;

/// <summary>Mix-minus: "sum everyone once, subtract yourself" equals "sum everyone else".</summary>
public class SampleMixingTests
{
    [Fact]
    public void Total_minus_own_equals_the_sum_of_the_others()
    {
        var participants = Gen.Int[1, 8].SelectMany(count => Gen.Short.Array[64].Array[count]);
        participants.Sample(frames =>
        {
            var total = new int[64];
            foreach (var frame in frames)
            {
                SampleMixing.Accumulate(frame, total);
            }

            for (var own = 0; own < frames.Length; own++)
            {
                var mixMinus = new short[64];
                SampleMixing.SubtractAndSaturate(total, frames[own], mixMinus);

                var others = new int[64];
                for (var k = 0; k < frames.Length; k++)
                {
                    if (k != own)
                    {
                        SampleMixing.Accumulate(frames[k], others);
                    }
                }

                var expected = new short[64];
                SampleMixing.Saturate(others, expected);
                Assert.Equal(expected, mixMinus);
            }
        });
    }

    [Fact]
    public void Sums_saturate_instead_of_wrapping()
    {
        var sum = new int[3];
        SampleMixing.Accumulate(new short[] { 30_000, -30_000, 100 }, sum);
        SampleMixing.Accumulate(new short[] { 30_000, -30_000, -300 }, sum);
        var output = new short[3];

        SampleMixing.Saturate(sum, output);
        Assert.Equal(new short[] { 32767, -32768, -200 }, output);

        SampleMixing.SubtractAndSaturate(sum, new short[] { 30_000, -30_000, 100 }, output);
        Assert.Equal(new short[] { 30_000, -30_000, -300 }, output);
    }

    [Fact]
    public void Digital_silence_is_all_zeros()
    {
        Assert.True(SampleMixing.IsDigitalSilence(new short[960]));
        Assert.True(SampleMixing.IsDigitalSilence(ReadOnlySpan<short>.Empty));
        var almost = new short[960];
        almost[959] = -1;
        Assert.False(SampleMixing.IsDigitalSilence(almost));
    }
}
