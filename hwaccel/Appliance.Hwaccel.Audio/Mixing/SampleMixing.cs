namespace Appliance.Hwaccel.Audio.Mixing;

/// <summary>
/// The arithmetic of a mix-minus audio mixer (DESIGN.md section 4, "total sum, then total − own
/// for each"): sum every participant's decoded frame once into a 32-bit accumulator, then give
/// each participant the sum minus their own frame, saturated back to 16 bits. Summing in 32 bits
/// means no intermediate clipping for up to 65536 sources. Allocates nothing.
/// </summary>
public static class SampleMixing
{
    /// <summary><paramref name="sum"/>[i] += <paramref name="source"/>[i].</summary>
    public static void Accumulate(ReadOnlySpan<short> source, Span<int> sum)
    {
        RequireSameLength(source.Length, sum.Length);
        for (var i = 0; i < source.Length; i++)
        {
            sum[i] += source[i];
        }
    }

    /// <summary><paramref name="destination"/>[i] = saturate(<paramref name="sum"/>[i]).</summary>
    public static void Saturate(ReadOnlySpan<int> sum, Span<short> destination)
    {
        RequireSameLength(sum.Length, destination.Length);
        for (var i = 0; i < sum.Length; i++)
        {
            destination[i] = (short)Math.Clamp(sum[i], short.MinValue, short.MaxValue);
        }
    }

    /// <summary>
    /// The mix-minus output for one participant: <paramref name="destination"/>[i] =
    /// saturate(<paramref name="sum"/>[i] − <paramref name="own"/>[i]).
    /// </summary>
    public static void SubtractAndSaturate(ReadOnlySpan<int> sum, ReadOnlySpan<short> own, Span<short> destination)
    {
        RequireSameLength(sum.Length, own.Length);
        RequireSameLength(sum.Length, destination.Length);
        for (var i = 0; i < sum.Length; i++)
        {
            destination[i] = (short)Math.Clamp(sum[i] - own[i], short.MinValue, short.MaxValue);
        }
    }

    /// <summary>
    /// True when every sample is zero (digital silence): a participant whose contribution is silent
    /// receives the plain total and can share one encoder with the others in that state.
    /// </summary>
    public static bool IsDigitalSilence(ReadOnlySpan<short> samples) => !samples.ContainsAnyExcept((short)0);

    private static void RequireSameLength(int expected, int actual)
    {
        if (expected != actual)
        {
            throw new ArgumentException($"Buffer lengths do not match: expected {expected} samples, got {actual}.");
        }
    }
}
