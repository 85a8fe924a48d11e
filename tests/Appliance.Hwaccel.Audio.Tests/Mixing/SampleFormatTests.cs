using Appliance.Hwaccel.Audio.Mixing;
using CsCheck;

namespace Appliance.Hwaccel.Audio.Tests.Mixing;

public class SampleFormatTests
{
    [Fact]
    public void Int16_to_float_and_back_is_lossless()
    {
        Gen.Short.Array[0, 2000].Sample(samples =>
        {
            var floats = new float[samples.Length];
            var back = new short[samples.Length];
            SampleFormat.ToFloat(samples, floats);
            SampleFormat.ToInt16(floats, back);

            Assert.Equal(samples, back);
            Assert.All(floats, f => Assert.InRange(f, -1f, 1f));
        });
    }

    [Fact]
    public void Float_conversion_scales_rounds_and_saturates()
    {
        float[] input = [0f, 0.5f, -0.5f, 1f, -1f, 2f, -2f, float.NaN, float.PositiveInfinity, 0.00002f];
        var output = new short[input.Length];

        SampleFormat.ToInt16(input, output);

        Assert.Equal(new short[] { 0, 16384, -16384, 32767, -32768, 32767, -32768, 0, 32767, 1 }, output);
    }

    [Fact]
    public void Interleave_and_deinterleave_are_inverse()
    {
        Gen.Short.Array[0, 1000].Select(Gen.Short.Array[0, 1000]).Sample((a, b) =>
        {
            var n = Math.Min(a.Length, b.Length);
            var left = a[..n];
            var right = b[..n];
            var stereo = new short[2 * n];
            SampleFormat.Interleave(left, right, stereo);

            var left2 = new short[n];
            var right2 = new short[n];
            SampleFormat.Deinterleave(stereo, left2, right2);

            Assert.Equal(left, left2);
            Assert.Equal(right, right2);
            if (n > 0)
            {
                Assert.Equal(left[0], stereo[0]);
                Assert.Equal(right[0], stereo[1]);
            }
        });
    }

    [Fact]
    public void Mono_to_stereo_and_back_is_lossless_and_downmix_averages()
    {
        Gen.Short.Array[0, 1000].Sample(mono =>
        {
            var stereo = new short[mono.Length * 2];
            var back = new short[mono.Length];
            SampleFormat.MonoToStereo(mono, stereo);
            SampleFormat.StereoToMono(stereo, back);
            Assert.Equal(mono, back);
        });

        var mixed = new short[2];
        SampleFormat.StereoToMono(new short[] { 32767, 32767, -32768, -32768 }, mixed);
        Assert.Equal(new short[] { 32767, -32768 }, mixed);
        SampleFormat.StereoToMono(new short[] { 1000, 3000, -100, 100 }, mixed);
        Assert.Equal(new short[] { 2000, 0 }, mixed);
    }

    [Fact]
    public void Mismatched_lengths_are_a_caller_bug()
    {
        Assert.Throws<ArgumentException>(() => SampleFormat.ToFloat(new short[3], new float[4]));
        Assert.Throws<ArgumentException>(() => SampleFormat.Interleave(new short[3], new short[3], new short[5]));
        Assert.Throws<ArgumentException>(() => SampleFormat.StereoToMono(new short[4], new short[3]));
    }
}
