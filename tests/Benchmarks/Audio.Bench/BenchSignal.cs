using Appliance.Hwaccel.Audio.Mixing;
using Appliance.Hwaccel.Audio.Opus;

namespace Appliance.Hwaccel.Audio.Bench;

/// <summary>
/// A deterministic test signal that keeps the encoder busy like speech would: two tones whose
/// loudness swells and fades, plus a little noise, so neither DTX nor trivial frames occur.
/// </summary>
public static class BenchSignal
{
    /// <summary>Interleaved 16-bit PCM, <paramref name="frames"/> × 20 ms.</summary>
    public static short[] Create(int channels, int frames)
    {
        var samplesPerFrame = OpusFormat.SamplesPerFrame(channels);
        var pcm = new short[frames * samplesPerFrame];
        var low = new ToneGenerator(220, 0.3);
        var high = new ToneGenerator(1330, 0.15);
        var a = new short[samplesPerFrame];
        var b = new short[samplesPerFrame];
        uint noise = 12345;
        for (var f = 0; f < frames; f++)
        {
            low.Fill(a, channels);
            high.Fill(b, channels);
            var swell = 0.55 + (0.45 * Math.Sin(f * 2 * Math.PI / 50)); // one second period
            for (var i = 0; i < samplesPerFrame; i++)
            {
                noise = (noise * 1664525) + 1013904223;
                var sample = ((a[i] + b[i]) * swell) + ((int)(noise >> 22) - 512);
                pcm[(f * samplesPerFrame) + i] = (short)Math.Clamp(sample, short.MinValue, short.MaxValue);
            }
        }

        return pcm;
    }
}
