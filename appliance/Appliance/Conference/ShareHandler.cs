using System.Text.Json;
using Appliance.Signaling;

namespace Appliance.Conference;

/// <summary>
/// "share" {active}: the participant starts or stops sharing the screen (PROTOCOL.md). The page sends it before
/// the renegotiated offer that adds (or stops) the screen's sendonly video section; the box switches the room to
/// the presenter layout while someone shares.
/// </summary>
public sealed class ShareHandler(ParticipantDirectory participants, MeetingRoom meeting) : ISignalingHandler
{
    public string Type => "share";

    public async Task HandleAsync(SignalingConnection connection, JsonElement message, CancellationToken cancellationToken)
    {
        if (!participants.TryGet(connection, out var participant) || participant.Room != meeting.Code)
        {
            await connection.SendErrorAsync("not-joined", "Join the meeting before sharing your screen.", cancellationToken);
            return;
        }
        if (!SignalingFields.TryGetOptionalBool(message, "active", out var active) || active is null)
        {
            await connection.SendErrorAsync(SignalingErrors.InvalidMessage, "A share message needs \"active\": true or false. Reload the page.", cancellationToken);
            return;
        }
        if (await meeting.SetSharingAsync(participant.Id, active.Value) is { } error)
            await connection.SendErrorAsync("share-refused", error, cancellationToken);
    }
}
