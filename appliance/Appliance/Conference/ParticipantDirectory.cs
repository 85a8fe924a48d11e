using System.Collections.Concurrent;
using Appliance.Signaling;
using Appliance.WebRtc;

namespace Appliance.Conference;

/// <summary>
/// Everyone connected to the box, by signaling connection. A participant is removed when
/// their page leaves or disconnects, or when their peer connection closes (for example
/// when the browser vanished and ICE consent expired).
/// </summary>
public sealed class ParticipantDirectory(MediaPort media, ILogger<ParticipantDirectory> logger)
{
    private readonly ConcurrentDictionary<string, Participant> _bySignaling = new(StringComparer.Ordinal);

    public int Count => _bySignaling.Count;

    public IReadOnlyCollection<Participant> All => _bySignaling.Values.ToArray();

    public bool TryGet(SignalingConnection connection, out Participant participant) =>
        _bySignaling.TryGetValue(connection.Id, out participant!);

    public Participant Join(SignalingConnection connection, string room, string name, MeetingRole role = MeetingRole.Participant)
    {
        var id = Guid.NewGuid().ToString("N")[..10];
        var peer = media.CreatePeerConnection(id);
        var participant = new Participant(id, name, room, connection, peer, role);
        _bySignaling[connection.Id] = participant;
        connection.Closed += c => Leave(c, "the page closed its connection");
        peer.Closed += p => OnPeerClosed(participant);
        logger.LogInformation("{Name} joined room {Room} as participant {Id}", name, room, id);
        return participant;
    }

    public void Leave(SignalingConnection connection, string reason)
    {
        if (_bySignaling.TryRemove(connection.Id, out var participant))
        {
            participant.Peer.Close(reason);
            logger.LogInformation("Participant {Id} left room {Room}: {Reason}", participant.Id, participant.Room, reason);
        }
    }

    private void OnPeerClosed(Participant participant)
    {
        if (!_bySignaling.TryRemove(participant.Signaling.Id, out _))
            return;
        logger.LogInformation("Participant {Id} removed from room {Room}: {Reason}", participant.Id, participant.Room, participant.Peer.CloseReason);
        var peer = participant.Peer;
        participant.TryTellDisconnected(peer.TimedOut
            ? "Your connection to the box stopped. Check the network, then reload the page to join again."
            : $"Your connection to the box closed ({peer.CloseReason ?? "closed"}). Reload the page to join again.",
            peer.TimedOut ? "timeout" : "closed");
    }
}
