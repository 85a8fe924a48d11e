namespace Appliance.Mixing.Audio.Inputs;

/// <summary>Where the 20 ms frame an <see cref="AudioParticipantInput"/> produced for one tick came from.</summary>
public enum AudioFrameOrigin
{
    /// <summary>Nothing to play (not started yet, or the stream has been gone too long): digital silence.</summary>
    Silence,

    /// <summary>The packet due was decoded.</summary>
    Decoded,

    /// <summary>
    /// The packet due was lost but the next one was already held: decoded from its in-band FEC
    /// (RFC 6716 section 2.1.7; libopus conceals instead when that packet carries no FEC).
    /// </summary>
    Recovered,

    /// <summary>The packet due was lost (or corrupt) and nothing followed it yet: packet loss concealment.</summary>
    Concealed,
}
