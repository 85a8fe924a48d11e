using System.Text.Json;
using Appliance.Rooms;
using Appliance.Signaling;
using Microsoft.Extensions.Options;

namespace Appliance.Conference;

/// <summary>
/// "join" {room, name, role}: the page enters the meeting room (by its code) or the echo room, as a
/// participant or as a display (the room's TV: receives the mix, sends nothing; PROTOCOL.md).
/// </summary>
public sealed class JoinHandler(ParticipantDirectory participants, MeetingRoom meeting, RoomCodes codes,
    IOptionsMonitor<MeetingOptions> options) : ISignalingHandler
{
    public const int MaxNameLength = 40;

    public string Type => "join";

    public Task HandleAsync(SignalingConnection connection, JsonElement message, CancellationToken cancellationToken)
    {
        if (participants.TryGet(connection, out _))
            return connection.SendErrorAsync("already-joined", "This page is already in the meeting.", cancellationToken);
        var room = message.TryGetProperty("room", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "";
        var name = message.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()!.Trim() : "";
        var roleName = message.TryGetProperty("role", out var ro) ? (ro.ValueKind == JsonValueKind.String ? ro.GetString() : "") : "participant";
        if (roleName is not ("participant" or "display"))
            return connection.SendErrorAsync(SignalingErrors.InvalidMessage, "The role must be \"participant\" or \"display\". Reload the page.", cancellationToken);
        var role = roleName == "display" ? MeetingRole.Display : MeetingRole.Participant;
        if (room != EchoRoom.Name)
        {
            // The code is checked here, on the server, before the page may send an offer (no media before).
            var verdict = codes.Check(connection.Remote, room);
            switch (verdict.Result)
            {
                case RoomCodeResult.UnknownRoom:
                    return connection.SendErrorAsync("unknown-room", "There is no room with this code. Check the code shown on the room's screen.", cancellationToken);
                case RoomCodeResult.Expired:
                    return connection.SendErrorAsync("code-expired", "This room code has been replaced by a new one. Type the code the room's screen shows now.", cancellationToken);
                case RoomCodeResult.TooManyAttempts:
                    var seconds = (int)Math.Ceiling(verdict.RetryAfter.TotalSeconds);
                    return connection.SendAsync(new ErrorMessage("too-many-attempts",
                        $"Too many wrong room codes from this device. Wait {Admin.ApiError.Duration(seconds)} and try again.") { RetryAfterSeconds = seconds },
                        cancellationToken);
            }
        }
        if (name.Length is 0 or > MaxNameLength)
            return connection.SendErrorAsync(SignalingErrors.InvalidMessage, $"Type a name of 1 to {MaxNameLength} characters.", cancellationToken);
        if (room != EchoRoom.Name && role == MeetingRole.Participant && meeting.Count >= options.CurrentValue.MaxParticipants)
            return connection.SendErrorAsync("room-full", "The meeting is full. Ask someone to leave, or ask the box's admin to allow more participants.", cancellationToken);
        if (room != EchoRoom.Name && role == MeetingRole.Display && meeting.IsFullOfDisplays)
            return connection.SendErrorAsync("room-full", $"The room already has {meeting.MaxDisplays} displays showing the meeting. Close one of them, then try again.", cancellationToken);

        // A meeting member belongs to the meeting whatever code let them in (codes rotate).
        var participant = participants.Join(connection, room == EchoRoom.Name ? EchoRoom.Name : meeting.Code, name, role);
        if (room == EchoRoom.Name)
            EchoRoom.Attach(participant.Peer);
        else
            meeting.Join(participant);
        participant.Peer.Connected += peer => { _ = connection.SendAsync(new ConnectedMessage(), CancellationToken.None); };
        return connection.SendAsync(new JoinedMessage(participant.Id, room), cancellationToken);
    }
}
