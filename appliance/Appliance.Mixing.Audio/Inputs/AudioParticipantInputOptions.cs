using Appliance.Media.Jitter;

namespace Appliance.Mixing.Audio.Inputs;

/// <summary>Tuning of <see cref="AudioParticipantInput"/>.</summary>
public sealed record AudioParticipantInputOptions
{
    /// <summary>The jitter buffer in front of the decoder (20 ms Opus frames at 48 kHz by default).</summary>
    public AudioJitterBufferOptions Jitter { get; init; } = new();

    /// <summary>
    /// Consecutive lost frames concealed by the decoder before the input falls silent. Opus concealment
    /// fades out by itself, but a participant whose stream stopped should not keep humming into the mix.
    /// </summary>
    public int MaxConcealedFrames { get; init; } = 5;

    /// <summary>
    /// RFC 6464 level (-dBov) at or above which a decoded frame counts as silent, i.e. contributes nothing
    /// to the mix and lets its participant share the mix encoder. Opus does not reproduce digital silence
    /// exactly: encoded zeros decode to scattered ±1 samples (about -112 dBov), below one bit's RMS (-90 dBov).
    /// 127 keeps only exact digital silence.
    /// </summary>
    public int SilenceLevel { get; init; } = 96;
}
