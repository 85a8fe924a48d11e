using Appliance.Signaling;
using Appliance.WebRtc;

namespace Appliance.Conference;

/// <summary>
/// Someone in a room: a display name, the signaling connection of their page and their
/// one WebRTC connection to the box, which the participant owns.
/// </summary>
public sealed class Participant(string id, string name, string room, SignalingConnection signaling, PeerConnection peer)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public string Room { get; } = room;
    public SignalingConnection Signaling { get; } = signaling;
    public PeerConnection Peer { get; } = peer;
}
