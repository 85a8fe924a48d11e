using Appliance.Hwaccel.Audio.Mixing;

namespace Appliance.Hwaccel.Audio.Tests.Mixing;

/// <summary>RFC 6464 / RFC 6465 Appendix A levels of known signals.</summary>
public class AudioLevelTests
{
    [Fact]
    public void Digital_silence_is_127()
    {
        Assert.Equal(AudioLevel.Silence, AudioLevel.ComputeLevel(new short[960]));
        Assert.Equal(127, AudioLevel.ComputeLevel(ReadOnlySpan<short>.Empty));
        Assert.Equal(-127, AudioLevel.ComputeDbov(new short[960]));
    }

    [Fact]
    public void A_full_scale_square_wave_is_0_dBov()
    {
        // RFC 6464 section 3: 0 dBov is the overload point, e.g. "a square wave" at full scale.
        var square = new short[960];
        for (var i = 0; i < square.Length; i++)
        {
            square[i] = (i / 24) % 2 == 0 ? short.MaxValue : short.MinValue;
        }

        Assert.Equal(0, AudioLevel.ComputeLevel(square));
        Assert.Equal(0, AudioLevel.ComputeDbov(square), 0.001);
    }

    [Theory]
    [InlineData(1.0, 3)]    // a full-scale sine: RMS 1/√2, -3.01 dBov
    [InlineData(0.5, 9)]    // -6.02 - 3.01
    [InlineData(0.1, 23)]   // -20 - 3.01
    [InlineData(0.001, 63)] // -60 - 3.01
    public void A_sine_is_3_dB_below_its_peak(double amplitude, byte expected)
    {
        var sine = new short[960 * 2];
        new ToneGenerator(1000, amplitude).Fill(sine, 2);

        Assert.Equal(expected, AudioLevel.ComputeLevel(sine));
        Assert.Equal(-expected, AudioLevel.ComputeDbov(sine), 0.6);
    }

    [Fact]
    public void Values_below_minus_127_dBov_clamp_to_127()
    {
        // One LSB in 1,000,000 samples is about -150 dBov.
        var block = new short[1_000_000];
        block[0] = 1;

        Assert.Equal(127, AudioLevel.ComputeLevel(block));
    }

    [Fact]
    public void A_constant_one_LSB_is_about_90_dBov()
    {
        var block = new short[960];
        block.AsSpan().Fill(1);

        Assert.Equal(90, AudioLevel.ComputeLevel(block)); // 20·log10(1/32768) = -90.3
    }
}
