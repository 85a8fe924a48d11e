using System.Text.Json;
using Appliance.Signaling;

namespace Appliance.Conference;

/// <summary>
/// "mute" {audio?, video?}: the participant muted or unmuted the microphone, or stopped or started the camera
/// (PROTOCOL.md). The box leaves a muted microphone out of the mix and shows the name placeholder for a stopped camera.
/// </summary>
public sealed class MuteHandler(ParticipantDirectory participants, MeetingRoom meeting) : ISignalingHandler
{
    public string Type => "mute";

    public Task HandleAsync(SignalingConnection connection, JsonElement message, CancellationToken cancellationToken)
    {
        if (!participants.TryGet(connection, out var participant) || participant.Room != meeting.Code)
            return connection.SendErrorAsync("not-joined", "Join the meeting before muting.", cancellationToken);
        if (!SignalingFields.TryGetOptionalBool(message, "audio", out var audio) || !SignalingFields.TryGetOptionalBool(message, "video", out var video)
            || (audio is null && video is null))
            return connection.SendErrorAsync(SignalingErrors.InvalidMessage,
                "A mute message needs \"audio\" and/or \"video\" as true or false. Reload the page.", cancellationToken);
        if (participant.Role == MeetingRole.Display || !meeting.SetMute(participant.Id, audio, video))
            return connection.SendErrorAsync("not-joined", "Only participants can mute. Join the meeting with a name first.", cancellationToken);
        return Task.CompletedTask;
    }
}
