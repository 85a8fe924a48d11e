using System.Text.Json;
using Appliance.Signaling;

namespace Appliance.Conference;

/// <summary>
/// "join" {room, name}: the page enters the meeting room (by its code) or the echo room.
/// </summary>
public sealed class JoinHandler(ParticipantDirectory participants, MeetingRoom meeting) : ISignalingHandler
{
    public const int MaxNameLength = 40;

    public string Type => "join";

    public Task HandleAsync(SignalingConnection connection, JsonElement message, CancellationToken cancellationToken)
    {
        if (participants.TryGet(connection, out _))
            return connection.SendErrorAsync("already-joined", "This page is already in the meeting.", cancellationToken);
        var room = message.TryGetProperty("room", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "";
        var name = message.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()!.Trim() : "";
        if (room != EchoRoom.Name && room != meeting.Code)
            return connection.SendErrorAsync("unknown-room", "There is no room with this code. Check the code shown on the room's screen.", cancellationToken);
        if (name.Length is 0 or > MaxNameLength)
            return connection.SendErrorAsync(SignalingErrors.InvalidMessage, $"Type a name of 1 to {MaxNameLength} characters.", cancellationToken);
        if (room == meeting.Code && meeting.IsFull)
            return connection.SendErrorAsync("room-full", "The meeting is full. Ask someone to leave, or ask the box's admin to allow more participants.", cancellationToken);

        var participant = participants.Join(connection, room, name);
        if (room == EchoRoom.Name)
            EchoRoom.Attach(participant.Peer);
        else
            meeting.Join(participant);
        participant.Peer.Connected += peer => { _ = connection.SendAsync(new ConnectedMessage(), CancellationToken.None); };
        return connection.SendAsync(new JoinedMessage(participant.Id, room), cancellationToken);
    }
}
