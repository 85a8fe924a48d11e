using Appliance.Mcu;
using Appliance.Mcu.RateAdaptation;
using Appliance.Mixing.Audio.Mixer;
using Appliance.Mixing.Video.Composition;
using Appliance.WebRtc;

namespace Appliance.Conference;

/// <summary>
/// A participant's parts inside the meeting room: their tile in the compositor, their
/// input to the audio mixer, the decoder of their camera, their place in an encoder group and their bitrate tier.
/// </summary>
internal sealed class MeetingMember(Participant participant, ParticipantVideoSlot tile, AudioMixParticipant audio, TimeProvider time) : IEncodedVideoReceiver
{
    public Participant Participant { get; } = participant;
    public PeerConnection Peer => Participant.Peer;
    public ParticipantVideoSlot Tile { get; } = tile;
    public AudioMixParticipant Audio { get; } = audio;
    public ParticipantVideoDecoder? Decoder { get; set; }
    public EncoderGroup? Group { get; set; }

    /// <summary>The bitrate tier their link carries, from their REMBs.</summary>
    public BitrateTierPolicy Rate { get; } = new(time);

    public void SendVideoFrame(ReadOnlySpan<byte> frame, uint timestamp90k) => Peer.SendVideoFrame(frame, timestamp90k);
}
