using Appliance.Hwaccel.Audio.Analysis;
using Appliance.Hwaccel.Audio.Mixing;

namespace Appliance.Hwaccel.Audio.Tests.Mixing;

public class ToneGeneratorTests
{
    [Fact]
    public void Successive_frames_continue_the_same_wave()
    {
        var whole = new short[1920];
        new ToneGenerator(440, 0.8).Fill(whole);

        var inFrames = new short[1920];
        var generator = new ToneGenerator(440, 0.8);
        generator.Fill(inFrames.AsSpan(0, 960));
        generator.Fill(inFrames.AsSpan(960));

        Assert.Equal(whole, inFrames);
    }

    [Fact]
    public void Peak_and_frequency_are_as_asked()
    {
        var block = new short[48_000];
        new ToneGenerator(1000, 0.25).Fill(block);

        Assert.InRange(block.Max(), 8190, 8192);
        Assert.InRange(block.Min(), -8192, -8190);
        Assert.Equal(0, block[0]);
        Assert.Equal(-12.04, Goertzel.PowerDb(block, 1, 0, 1000), 0.1);
        Assert.True(Goertzel.PowerDb(block, 1, 0, 1100) < -80);

        // 1000 Hz at 48 kHz: 48 samples per period.
        Assert.InRange(block[7 + 48] - block[7], -1, 1);
    }

    [Fact]
    public void Fill_writes_every_channel_and_FillChannel_only_one()
    {
        var stereo = new short[1920];
        new ToneGenerator(440, 0.5).Fill(stereo, 2);
        for (var i = 0; i < stereo.Length; i += 2)
        {
            Assert.Equal(stereo[i], stereo[i + 1]);
        }

        var split = new short[1920];
        split.AsSpan().Fill(7);
        new ToneGenerator(440, 0.5).FillChannel(split, 2, 1);
        for (var i = 0; i < split.Length; i += 2)
        {
            Assert.Equal(7, split[i]);
            Assert.Equal(stereo[i + 1], split[i + 1]);
        }
    }

    [Theory]
    [InlineData(0, 0.5)]
    [InlineData(24_000, 0.5)]
    [InlineData(440, 0)]
    [InlineData(440, 1.5)]
    [InlineData(double.NaN, 0.5)]
    public void Impossible_tones_are_refused(double frequency, double amplitude)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ToneGenerator(frequency, amplitude));
    }
}
