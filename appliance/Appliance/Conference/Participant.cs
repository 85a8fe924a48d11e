using Appliance.Signaling;
using Appliance.WebRtc;

namespace Appliance.Conference;

/// <summary>
/// Someone in a room: a display name, the signaling connection of their page and their
/// one WebRTC connection to the box, which the participant owns.
/// </summary>
public sealed class Participant(string id, string name, string room, SignalingConnection signaling, PeerConnection peer,
    MeetingRole role = MeetingRole.Participant)
{
    private int _told;

    public string Id { get; } = id;
    public string Name { get; } = name;
    public string Room { get; } = room;
    public MeetingRole Role { get; } = role;
    public SignalingConnection Signaling { get; } = signaling;
    public PeerConnection Peer { get; } = peer;

    /// <summary>
    /// Sends the page its one "disconnected" message (left, kicked, timeout or closed); false when it was already told,
    /// so a kick followed by the peer connection's close tells the page once.
    /// </summary>
    public bool TryTellDisconnected(string reason, string code)
    {
        if (Interlocked.Exchange(ref _told, 1) == 1)
            return false;
        _ = Signaling.SendAsync(new DisconnectedMessage(reason, code), CancellationToken.None);
        return true;
    }
}
