using System.Text.Json;
using Appliance.Signaling;

namespace Appliance.Conference;

/// <summary>
/// "join" {room, name}: the page enters a room. For now the box has the echo room; the
/// meeting room comes with the MCU.
/// </summary>
public sealed class JoinHandler(ParticipantDirectory participants) : ISignalingHandler
{
    public const int MaxNameLength = 40;

    public string Type => "join";

    public Task HandleAsync(SignalingConnection connection, JsonElement message, CancellationToken cancellationToken)
    {
        if (participants.TryGet(connection, out _))
            return connection.SendErrorAsync("already-joined", "This page is already in the meeting.", cancellationToken);
        var room = message.TryGetProperty("room", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "";
        var name = message.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()!.Trim() : "";
        if (room != EchoRoom.Name)
            return connection.SendErrorAsync("unknown-room", "There is no room with this code. Check the code shown on the room's screen.", cancellationToken);
        if (name.Length is 0 or > MaxNameLength)
            return connection.SendErrorAsync(SignalingErrors.InvalidMessage, $"Type a name of 1 to {MaxNameLength} characters.", cancellationToken);

        var participant = participants.Join(connection, room, name);
        EchoRoom.Attach(participant.Peer);
        participant.Peer.Connected += peer => { _ = connection.SendAsync(new ConnectedMessage(), CancellationToken.None); };
        return connection.SendAsync(new JoinedMessage(participant.Id, room), cancellationToken);
    }
}
