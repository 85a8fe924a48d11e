using Appliance.Hwaccel.Audio.Analysis;
using Appliance.Hwaccel.Audio.Mixing;

namespace Appliance.Hwaccel.Audio.Tests.Support;

/// <summary>Assertions that a block of PCM carries a given tone and not others.</summary>
internal static class ToneAssert
{
    /// <summary>
    /// The power at <paramref name="frequencyHz"/> stands at least <paramref name="marginDb"/> above
    /// its neighbours (4 and 6 DFT bins away, at least 50 and 100 Hz, outside the Hann window's main
    /// lobe), above a set of "floor" frequencies spread over the speech band, and above every
    /// frequency in <paramref name="absent"/>.
    /// </summary>
    public static void Dominant(ReadOnlySpan<short> pcm, int channels, int channel, double frequencyHz, double marginDb = 25, params double[] absent)
    {
        var peak = Goertzel.PowerDb(pcm, channels, channel, frequencyHz);
        Assert.True(peak > -30, $"tone {frequencyHz} Hz on channel {channel} is only {peak:F1} dBFS");

        var bin = 48_000.0 / (pcm.Length / channels);
        var near = Math.Max(50, 4 * bin);
        var far = Math.Max(100, 6 * bin);
        double[] neighbours = [frequencyHz - far, frequencyHz - near, frequencyHz + near, frequencyHz + far];
        double[] floor = [170, 310, 730, 1330, 2210, 3170, 5110];
        foreach (var other in neighbours.Concat(floor).Concat(absent))
        {
            if (Math.Abs(other - frequencyHz) < 3 * bin)
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
