using Appliance.Hwaccel.Audio.Analysis;
using Appliance.Hwaccel.Audio.Mixing;

namespace Appliance.Hwaccel.Audio.Tests.Analysis;

public class GoertzelTests
{
    [Theory]
    [InlineData(440, 0.5)]
    [InlineData(1000, 0.1)]
    [InlineData(3000, 1.0)]
    public void Measures_a_sine_at_its_amplitude_and_nothing_beside_it(double frequency, double amplitude)
    {
        var block = new short[4800];
        new ToneGenerator(frequency, amplitude).Fill(block);

        Assert.Equal(20 * Math.Log10(amplitude), Goertzel.PowerDb(block, 1, 0, frequency), 0.2);
        Assert.True(Goertzel.PowerDb(block, 1, 0, frequency + 100) < 20 * Math.Log10(amplitude) - 60);
        Assert.True(Goertzel.PowerDb(block, 1, 0, frequency * 1.5) < 20 * Math.Log10(amplitude) - 60);
    }

    [Fact]
    public void Analyses_one_channel_of_an_interleaved_block()
    {
        var stereo = new short[9600];
        new ToneGenerator(440, 0.5).FillChannel(stereo, 2, 0);
        new ToneGenerator(1000, 0.5).FillChannel(stereo, 2, 1);

        Assert.True(Goertzel.PowerDb(stereo, 2, 0, 440) > -7);
        Assert.True(Goertzel.PowerDb(stereo, 2, 0, 1000) < -80);
        Assert.True(Goertzel.PowerDb(stereo, 2, 1, 1000) > -7);
        Assert.True(Goertzel.PowerDb(stereo, 2, 1, 440) < -80);
    }

    [Fact]
    public void Silence_has_no_power()
    {
        Assert.True(Goertzel.PowerDb(new short[960], 1, 0, 440) < -200);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentException>(() => Goertzel.PowerDb(new short[1], 1, 0, 440));
        Assert.Throws<ArgumentOutOfRangeException>(() => Goertzel.PowerDb(new short[960], 2, 2, 440));
    }
}
