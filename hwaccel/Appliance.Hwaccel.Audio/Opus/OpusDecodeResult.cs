namespace Appliance.Hwaccel.Audio.Opus;

/// <summary>
/// The outcome of one decode on the packet path: either samples (per channel) written, or the
/// libopus error that made the packet unusable. Decoding never throws.
/// </summary>
/// <param name="Error"><see cref="OpusError.Ok"/>, or why nothing was written.</param>
/// <param name="SamplesPerChannel">Samples per channel written to the output span (0 on error).</param>
public readonly record struct OpusDecodeResult(OpusError Error, int SamplesPerChannel)
{
    /// <summary>True when samples were written.</summary>
    public bool Succeeded => Error == OpusError.Ok;

    internal static OpusDecodeResult FromNative(int result) =>
        result >= 0 ? new OpusDecodeResult(OpusError.Ok, result) : new OpusDecodeResult((OpusError)result, 0);
}
