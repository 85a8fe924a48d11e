using Appliance.Hwaccel.Audio.Opus;
using Appliance.Mixing.Audio.Inputs;

namespace Appliance.Mixing.Audio.Mixer;

/// <summary>Settings of an <see cref="AudioMixer"/>'s inputs and of the Opus encoders of its mixes.</summary>
public sealed record AudioMixerOptions
{
    /// <summary>Each participant's input (jitter buffer, concealment).</summary>
    public AudioParticipantInputOptions Input { get; init; } = new();

    /// <summary>Opus application of the mix encoders: VoIP for a meeting.</summary>
    public OpusApplication Application { get; init; } = OpusApplication.Voip;

    /// <summary>Bitrate of each mix in bit/s.</summary>
    public int Bitrate { get; init; } = 32_000;

    /// <summary>Encoder complexity 0..10; the mixer runs one encoder per speaking participant on a small box.</summary>
    public int Complexity { get; init; } = 5;

    /// <summary>In-band FEC in the mixes (RFC 6716 section 2.1.7), so a browser can recover a lost packet.</summary>
    public bool InbandFec { get; init; } = true;

    /// <summary>The packet loss the encoders plan for, in percent (drives how much FEC they add).</summary>
    public int PacketLossPercentage { get; init; } = 10;
}
