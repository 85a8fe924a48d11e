namespace Appliance.Hwaccel.Audio.Analysis;

/// <summary>
/// Power of a signal at one frequency, by the Goertzel algorithm (a single DFT bin computed with
/// a second-order recursion) over a Hann-windowed block. Used to check which tone a decoded or
/// mixed stream carries: compare the power at the expected frequency with its neighbours and with
/// other participants' tones. Allocates nothing.
/// </summary>
public static class Goertzel
{
    /// <summary>
    /// Power at <paramref name="frequencyHz"/> of one channel of an interleaved block, normalised so
    /// that a full-scale sine at that frequency scores about 0 dB relative to full scale.
    /// </summary>
    /// <param name="interleaved">16-bit samples, interleaved when <paramref name="channels"/> &gt; 1.</param>
    /// <param name="channels">Channels in the block.</param>
    /// <param name="channel">Which channel to analyse.</param>
    /// <param name="frequencyHz">Frequency to measure.</param>
    /// <param name="sampleRate">Samples per second per channel.</param>
    /// <returns>Power in dB relative to a full-scale sine; very negative for no energy at that frequency.</returns>
    public static double PowerDb(ReadOnlySpan<short> interleaved, int channels, int channel, double frequencyHz, int sampleRate = 48_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, channels);
        var count = interleaved.Length / channels;
        if (count < 2)
        {
            throw new ArgumentException("At least two samples per channel are needed.", nameof(interleaved));
        }

        var coefficient = 2 * Math.Cos(2 * Math.PI * frequencyHz / sampleRate);
        double previous = 0, beforePrevious = 0, windowSum = 0;
        for (var n = 0; n < count; n++)
        {
            // Hann window: keeps a strong tone from leaking into the bins of its neighbours.
            var window = 0.5 - (0.5 * Math.Cos(2 * Math.PI * n / (count - 1)));
            windowSum += window;
            var x = interleaved[(n * channels) + channel] / 32768.0 * window;
            var current = x + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
        }

        var power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);

        // A sine of amplitude A gives |X| = A × windowSum / 2 at its own frequency.
        var amplitude = 2 * Math.Sqrt(Math.Max(power, 0)) / windowSum;
        return 20 * Math.Log10(Math.Max(amplitude, 1e-12));
    }
}
