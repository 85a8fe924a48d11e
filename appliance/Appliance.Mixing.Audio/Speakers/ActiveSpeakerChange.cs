namespace Appliance.Mixing.Audio.Speakers;

/// <summary>The active speaker changed from <paramref name="Previous"/> to <paramref name="Current"/> (null: nobody).</summary>
public readonly record struct ActiveSpeakerChange(string? Previous, string? Current);
