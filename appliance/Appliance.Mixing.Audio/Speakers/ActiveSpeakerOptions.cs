namespace Appliance.Mixing.Audio.Speakers;

/// <summary>Hysteresis of the <see cref="ActiveSpeakerDetector"/>.</summary>
public sealed record ActiveSpeakerOptions
{
    /// <summary>How long a challenger must stay louder (by <see cref="MarginDb"/>) before the speaker changes.</summary>
    public TimeSpan MinimumDuration { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How much louder than the current speaker a challenger must be, in dB.</summary>
    public double MarginDb { get; init; } = 6;

    /// <summary>Quieter than this (dBov, smoothed) is not speech: such a participant never becomes the speaker.</summary>
    public double SpeechThresholdDbov { get; init; } = -50;

    /// <summary>
    /// Weight of each new level in the running average (0..1]: at one level per 20 ms, 0.1 follows a
    /// voice over about 200 ms and ignores a single click.
    /// </summary>
    public double Smoothing { get; init; } = 0.1;
}
