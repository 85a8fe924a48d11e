using Appliance.Mixing.Audio.Mixer;
using Appliance.Mixing.Video.Composition;

namespace Appliance.Conference;

/// <summary>
/// Someone who lives inside the box (a demo participant): a tile the caller feeds pictures to and a voice
/// the mixer reads; no connection, nothing sent to them. They are in the roster and the active-speaker
/// detector's view like everyone else.
/// </summary>
internal sealed class SyntheticMember(string id, string name, ParticipantVideoSlot tile, AudioMixParticipant voice)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public ParticipantVideoSlot Tile { get; } = tile;
    public AudioMixParticipant Voice { get; } = voice;

    /// <summary>Speaking now by the detector's smoothed level (the roster's speaking indicator).</summary>
    public bool Speaking { get; set; }
}
