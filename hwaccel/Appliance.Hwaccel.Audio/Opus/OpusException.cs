using Appliance.Hwaccel.Audio.Opus.Interop;

namespace Appliance.Hwaccel.Audio.Opus;

/// <summary>
/// A libopus call on a control path (create, ctl) failed. The message is libopus' own
/// (<c>opus_strerror</c>) together with the operation that failed. The packet path never
/// throws this: <see cref="OpusDecoder"/> returns an <see cref="OpusDecodeResult"/> instead.
/// </summary>
public sealed class OpusException : Exception
{
    public OpusException(string operation, OpusError error)
        : base($"{operation} failed: {OpusLibrary.Describe(error)} ({(int)error})")
    {
        Operation = operation;
        Error = error;
    }

    /// <summary>The libopus function or ctl that failed, e.g. <c>OPUS_SET_BITRATE</c>.</summary>
    public string Operation { get; }

    /// <summary>The libopus error code.</summary>
    public OpusError Error { get; }

    internal static void ThrowIfError(int result, string operation)
    {
        if (result < 0)
        {
            throw new OpusException(operation, (OpusError)result);
        }
    }
}
