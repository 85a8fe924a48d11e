namespace Appliance.Mixing.Audio.Inputs;

/// <summary>Writes one 20 ms frame (960 mono samples at 48 kHz) of a synthetic input.</summary>
public delegate void AudioFrameSource(Span<short> frame);
