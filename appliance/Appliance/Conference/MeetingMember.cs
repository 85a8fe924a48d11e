using Appliance.Mcu;
using Appliance.Mcu.RateAdaptation;
using Appliance.Mixing.Audio.Mixer;
using Appliance.Mixing.Video.Composition;
using Appliance.WebRtc;

namespace Appliance.Conference;

/// <summary>
/// A participant's parts inside the meeting room: their tile in the compositor, their input to the audio
/// mixer, the decoder of their camera, their place in an encoder group and bitrate tier, what they muted or share, and
/// the counters the admin console's rates are computed from. A display has no tile.
/// </summary>
internal sealed class MeetingMember(Participant participant, ParticipantVideoSlot? tile, AudioMixParticipant audio, long joinedAt, TimeProvider time)
    : IEncodedVideoReceiver
{
    public Participant Participant { get; } = participant;
    public string Id => Participant.Id;
    public bool IsDisplay => Participant.Role == MeetingRole.Display;
    public PeerConnection Peer => Participant.Peer;
    public ParticipantVideoSlot? Tile { get; } = tile;
    public AudioMixParticipant Audio { get; } = audio;
    public ParticipantVideoDecoder? Decoder { get; set; }
    public EncoderGroup? Group { get; set; }

    /// <summary>The bitrate tier their link carries, from their REMBs.</summary>
    public BitrateTierPolicy Rate { get; } = new(time);

    /// <summary>The participant muted their microphone (PROTOCOL.md "mute").</summary>
    public bool MicMuted { get; set; }

    /// <summary>The admin muted the microphone (<see cref="MeetingRoom.ForceMute"/>); the participant's own unmute lifts it.</summary>
    public bool ForceMuted { get; set; }

    public bool CameraOff { get; set; }

    /// <summary>The tile of the shared screen while the participant shares, and its decoder once frames came.</summary>
    public ParticipantVideoSlot? ScreenTile { get; set; }
    public ParticipantVideoDecoder? ScreenDecoder { get; set; }
    public bool Sharing => ScreenTile is not null;

    /// <summary>Speaking now by the active-speaker detector's smoothed level (the roster's speaking indicator).</summary>
    public bool Speaking { get; set; }

    /// <summary>The counters at the admin console's previous reading.</summary>
    public StatusSample LastSample { get; set; } = new(joinedAt, 0, 0, 0);

    /// <summary>The rates computed at the admin console's previous reading.</summary>
    public StatusRates? LastRates { get; set; }

    public void SendVideoFrame(ReadOnlySpan<byte> frame, uint timestamp90k) => Peer.SendVideoFrame(frame, timestamp90k);
}

/// <summary>Cumulative counters of a member at one time, for rates between two readings.</summary>
internal readonly record struct StatusSample(long Timestamp, long FramesDecoded, long BytesIn, long BytesOut);

/// <summary>Rates between two readings.</summary>
internal sealed record StatusRates(double FramesPerSecondIn, long BitrateIn, long BitrateOut);
