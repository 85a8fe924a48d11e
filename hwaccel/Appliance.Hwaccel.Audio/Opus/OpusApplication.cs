namespace Appliance.Hwaccel.Audio.Opus;

/// <summary>The coding mode an encoder is created for (<c>opus_defines.h</c>, OPUS_APPLICATION_*).</summary>
public enum OpusApplication
{
    /// <summary>Best for most VoIP/videoconference applications where listening quality and intelligibility matter most.</summary>
    Voip = 2048,

    /// <summary>Best for broadcast/high-fidelity application where the decoded audio should be as close as possible to the input.</summary>
    Audio = 2049,

    /// <summary>Only when lowest-achievable latency is what matters most; voice-optimised modes cannot be used.</summary>
    RestrictedLowDelay = 2051,
}
