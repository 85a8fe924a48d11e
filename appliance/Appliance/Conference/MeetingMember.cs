using Appliance.Mcu;
using Appliance.Mixing.Audio.Mixer;
using Appliance.Mixing.Video.Composition;
using Appliance.WebRtc;

namespace Appliance.Conference;

/// <summary>
/// A participant's parts inside the meeting room: their tile in the compositor, their
/// input to the audio mixer, the decoder of their camera, and their place in an encoder group.
/// </summary>
internal sealed class MeetingMember(Participant participant, ParticipantVideoSlot tile, AudioMixParticipant audio) : IEncodedVideoReceiver
{
    public Participant Participant { get; } = participant;
    public PeerConnection Peer => Participant.Peer;
    public ParticipantVideoSlot Tile { get; } = tile;
    public AudioMixParticipant Audio { get; } = audio;
    public ParticipantVideoDecoder? Decoder { get; set; }
    public EncoderGroup? Group { get; set; }

    public void SendVideoFrame(ReadOnlySpan<byte> frame, uint timestamp90k) => Peer.SendVideoFrame(frame, timestamp90k);
}
