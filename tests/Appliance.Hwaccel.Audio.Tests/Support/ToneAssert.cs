using Appliance.Hwaccel.Audio.Analysis;
using Appliance.Hwaccel.Audio.Mixing;

namespace Appliance.Hwaccel.Audio.Tests.Support;

/// <summary>Assertions that a block of PCM carries a given tone and not others.</summary>
internal static class ToneAssert
{
    /// <summary>
    /// The power at <paramref name="frequencyHz"/> stands at least <paramref name="marginDb"/> above
    /// the bins 50 Hz and 100 Hz either side, above a set of "floor" frequencies spread over the
    /// speech band, and above every frequency in <paramref name="absent"/>.
    /// </summary>
    public static void Dominant(ReadOnlySpan<short> pcm, int channels, int channel, double frequencyHz, double marginDb = 25, params double[] absent)
    {
        var peak = Goertzel.PowerDb(pcm, channels, channel, frequencyHz);
        Assert.True(peak > -30, $"tone {frequencyHz} Hz on channel {channel} is only {peak:F1} dBFS");

        double[] neighbours = [frequencyHz - 100, frequencyHz - 50, frequencyHz + 50, frequencyHz + 100];
        double[] floor = [170, 310, 730, 1330, 2210, 3170, 5110];
        foreach (var other in neighbours.Concat(floor).Concat(absent))
        {
            if (Math.Abs(other - frequencyHz) < 40)
            {
                continue;
            }

            var power = Goertzel.PowerDb(pcm, channels, channel, other);
            Assert.True(peak - power >= marginDb, $"channel {channel}: {frequencyHz} Hz at {peak:F1} dB is not {marginDb} dB above {other} Hz at {power:F1} dB");
        }
    }

    /// <summary>The block is not silence: its level is above <paramref name="minDbov"/>.</summary>
    public static void Audible(ReadOnlySpan<short> pcm, double minDbov = -40)
    {
        var level = AudioLevel.ComputeDbov(pcm);
        Assert.True(level > minDbov, $"level {level:F1} dBov is not above {minDbov} dBov");
    }
}
