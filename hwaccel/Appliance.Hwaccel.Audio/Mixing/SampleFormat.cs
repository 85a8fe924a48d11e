namespace Appliance.Hwaccel.Audio.Mixing;

/// <summary>
/// Conversions between the sample formats and channel layouts the appliance meets: libopus and
/// the mixer use interleaved signed 16-bit PCM; WebAudio and float DSP use [-1, 1) floats.
/// All methods write into caller buffers and allocate nothing.
/// </summary>
public static class SampleFormat
{
    private const float Int16Scale = 32768f;

    /// <summary>16-bit PCM to float in [-1, 1): sample / 32768.</summary>
    public static void ToFloat(ReadOnlySpan<short> source, Span<float> destination)
    {
        RequireSameLength(source.Length, destination.Length);
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = source[i] / Int16Scale;
        }
    }

    /// <summary>Float to 16-bit PCM: × 32768, rounded to nearest, saturated to [-32768, 32767]. NaN becomes 0.</summary>
    public static void ToInt16(ReadOnlySpan<float> source, Span<short> destination)
    {
        RequireSameLength(source.Length, destination.Length);
        for (var i = 0; i < source.Length; i++)
        {
            var scaled = MathF.Round(source[i] * Int16Scale);
            destination[i] = float.IsNaN(scaled) ? (short)0 : (short)Math.Clamp(scaled, short.MinValue, short.MaxValue);
        }
    }

    /// <summary>Two planar channels to interleaved stereo (L R L R ...).</summary>
    public static void Interleave(ReadOnlySpan<short> left, ReadOnlySpan<short> right, Span<short> stereo)
    {
        RequireSameLength(left.Length, right.Length);
        RequireSameLength(left.Length * 2, stereo.Length);
        for (var i = 0; i < left.Length; i++)
        {
            stereo[2 * i] = left[i];
            stereo[(2 * i) + 1] = right[i];
        }
    }

    /// <summary>Interleaved stereo to two planar channels.</summary>
    public static void Deinterleave(ReadOnlySpan<short> stereo, Span<short> left, Span<short> right)
    {
        RequireSameLength(left.Length, right.Length);
        RequireSameLength(left.Length * 2, stereo.Length);
        for (var i = 0; i < left.Length; i++)
        {
            left[i] = stereo[2 * i];
            right[i] = stereo[(2 * i) + 1];
        }
    }

    /// <summary>Mono to interleaved stereo by copying each sample to both channels.</summary>
    public static void MonoToStereo(ReadOnlySpan<short> mono, Span<short> stereo)
    {
        RequireSameLength(mono.Length * 2, stereo.Length);
        for (var i = 0; i < mono.Length; i++)
        {
            stereo[2 * i] = mono[i];
            stereo[(2 * i) + 1] = mono[i];
        }
    }

    /// <summary>Interleaved stereo to mono by averaging the two channels (cannot overflow).</summary>
    public static void StereoToMono(ReadOnlySpan<short> stereo, Span<short> mono)
    {
        RequireSameLength(mono.Length * 2, stereo.Length);
        for (var i = 0; i < mono.Length; i++)
        {
            mono[i] = (short)((stereo[2 * i] + stereo[(2 * i) + 1]) >> 1);
        }
    }

    private static void RequireSameLength(int expected, int actual)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"Buffer lengths do not match: expected {expected} samples, got {actual}.");
        }
    }
}
