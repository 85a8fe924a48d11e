namespace Appliance.Hwaccel.Audio.Mixing;

/// <summary>
/// A phase-continuous sine generator for 16-bit PCM: successive <see cref="Fill"/> calls continue
/// the same wave, so 20 ms frames join without clicks. Used for test signals, comfort/notification
/// tones and per-participant identification tones. Allocates nothing.
/// </summary>
public sealed class ToneGenerator
{
    private readonly double _phaseIncrement;
    private readonly double _peak;
    private double _phase;

    /// <param name="frequencyHz">Tone frequency, above 0 and below half the sample rate.</param>
    /// <param name="amplitude">Peak amplitude as a fraction of full scale (0..1]; 1.0 peaks at 32767.</param>
    /// <param name="sampleRate">Samples per second per channel; 48000 for Opus.</param>
    public ToneGenerator(double frequencyHz, double amplitude, int sampleRate = 48_000)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        if (!(frequencyHz > 0 && frequencyHz < sampleRate / 2.0))
        {
            throw new ArgumentOutOfRangeException(nameof(frequencyHz), frequencyHz, "Must be between 0 and the Nyquist frequency.");
        }

        if (!(amplitude > 0 && amplitude <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(amplitude), amplitude, "Must be in (0, 1].");
        }

        FrequencyHz = frequencyHz;
        SampleRate = sampleRate;
        _phaseIncrement = 2 * Math.PI * frequencyHz / sampleRate;
        _peak = amplitude * short.MaxValue;
    }

    /// <summary>The tone's frequency in Hz.</summary>
    public double FrequencyHz { get; }

    /// <summary>Samples per second per channel.</summary>
    public int SampleRate { get; }

    /// <summary>Writes the next <c>interleaved.Length / channels</c> samples of the tone to every channel.</summary>
    public void Fill(Span<short> interleaved, int channels = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        for (var i = 0; i + channels <= interleaved.Length; i += channels)
        {
            var sample = NextSample();
            interleaved.Slice(i, channels).Fill(sample);
        }
    }

    /// <summary>
    /// Writes the next <c>interleaved.Length / channels</c> samples of the tone into one channel of an
    /// interleaved buffer, leaving the other channels untouched (e.g. a different tone left and right).
    /// </summary>
    public void FillChannel(Span<short> interleaved, int channels, int channel)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(channel, channels);
        for (var i = channel; i < interleaved.Length - (channels - 1 - channel); i += channels)
        {
            interleaved[i] = NextSample();
        }
    }

    private short NextSample()
    {
        var sample = (short)Math.Round(_peak * Math.Sin(_phase));
        _phase += _phaseIncrement;
        if (_phase >= 2 * Math.PI)
        {
            _phase -= 2 * Math.PI;
        }

        return sample;
    }
}
