namespace Appliance.Hwaccel.Audio.Mixing;

/// <summary>
/// Audio level of a block of 16-bit samples in dBov, and as the 7-bit value of the RTP
/// client-to-mixer / mixer-to-client audio level header extensions (RFC 6464, RFC 6465).
/// </summary>
/// <remarks>
/// RFC 6464 section 3: "The audio level is expressed in -dBov, with values from 0 to 127
/// representing 0 to -127 dBov. dBov is the level, in decibels, relative to the overload point
/// of the system, i.e., the highest-intensity signal encodable by the payload format." and
/// "The audio level for digital silence ... MUST be represented as 127 (-127 dBov)".
/// The computation follows RFC 6465 Appendix A: the RMS of the samples normalised to full scale
/// (32768), in dB, clamped to [-127, 0], negated and rounded. A full-scale square wave is therefore
/// 0 dBov and a full-scale sine about -3 dBov.
/// </remarks>
public static class AudioLevel
{
    /// <summary>The quietest level representable, also used for digital silence (RFC 6464 section 3).</summary>
    public const double MinDbov = -127;

    /// <summary>The RFC 6464 level value for digital silence.</summary>
    public const byte Silence = 127;

    /// <summary>RMS level of the samples (any channel layout) in dBov, clamped to [-127, 0].</summary>
    public static double ComputeDbov(ReadOnlySpan<short> samples)
    {
        if (samples.IsEmpty)
        {
            return MinDbov;
        }

        // Sum of squares in integer arithmetic: exact, and 5760 × 2 samples of 32768² fit a long easily.
        long sumOfSquares = 0;
        foreach (var sample in samples)
        {
            sumOfSquares += sample * sample;
        }

        if (sumOfSquares == 0)
        {
            return MinDbov;
        }

        var meanSquare = sumOfSquares / (double)samples.Length / (32768.0 * 32768.0);
        var db = 10 * Math.Log10(meanSquare);
        return Math.Clamp(db, MinDbov, 0);
    }

    /// <summary>
    /// The RFC 6464 "level" field (0 = loudest, 127 = silence) of the samples: -round(dBov).
    /// </summary>
    public static byte ComputeLevel(ReadOnlySpan<short> samples) =>
        (byte)-Math.Round(ComputeDbov(samples), MidpointRounding.AwayFromZero);
}
