using Appliance.Mixing.Video.Composition;

namespace Appliance.Conference;

/// <summary>
/// What participants and the admin change in the meeting: mute (PROTOCOL.md "mute"), screen share ("share"),
/// and the admin console's kick and server-side mute. Each change goes out in the next roster.
/// </summary>
public sealed partial class MeetingRoom
{
    /// <summary>
    /// The participant muted or unmuted the microphone (<paramref name="audio"/>) or stopped or started the camera
    /// (<paramref name="video"/>); null leaves that one as it is. A muted microphone is left out of the mix; a
    /// stopped camera shows the name placeholder at once instead of its last frame. False for an unknown id.
    /// </summary>
    public bool SetMute(string participantId, bool? audio, bool? video)
    {
        if (!_members.TryGetValue(participantId, out var member) || member.IsDisplay)
            return false;
        lock (_membership)
        {
            if (audio is { } micMuted)
            {
                member.MicMuted = micMuted;
                if (!micMuted)
                    member.ForceMuted = false; // the participant's own unmute lifts the admin's mute
                member.Audio.Input.IsMuted = member.MicMuted || member.ForceMuted;
            }
            if (video is { } cameraOff)
            {
                member.CameraOff = cameraOff;
                member.Tile!.VideoEnabled = !cameraOff;
            }
        }
        _logger.LogInformation("{Name}: microphone {Mic}, camera {Camera}", member.Participant.Name,
            member.MicMuted || member.ForceMuted ? "muted" : "on", member.CameraOff ? "off" : "on");
        _roster.Invalidate();
        return true;
    }

    /// <summary>The admin mutes a participant's microphone; the page learns it from the roster (micMuted).</summary>
    public void ForceMute(string participantId)
    {
        if (!_members.TryGetValue(participantId, out var member) || member.IsDisplay)
            return;
        lock (_membership)
        {
            member.ForceMuted = true;
            member.Audio.Input.IsMuted = true;
        }
        _logger.LogInformation("{Name} was muted by the admin", member.Participant.Name);
        _roster.Invalidate();
    }

    /// <summary>
    /// The admin removes a participant (or display): the page is told <c>disconnected {code: "kicked"}</c> and the
    /// peer connection closes, which takes them out of the room.
    /// </summary>
    public async Task KickAsync(string participantId)
    {
        if (!_members.TryGetValue(participantId, out var member))
            return;
        member.Participant.TryTellDisconnected("The meeting's admin removed you from the meeting.", "kicked");
        member.Peer.Close("removed by the admin");
        await LeaveAsync(participantId);
    }

    /// <summary>
    /// The participant starts or stops sharing the screen. Starting adds the screen's tile (letterboxed; the name
    /// placeholder until the renegotiated stream's first frame is decoded) and switches the room to the presenter
    /// layout; stopping removes it and returns to the default layout. Returns an error sentence, or null.
    /// </summary>
    public async Task<string?> SetSharingAsync(string participantId, bool active)
    {
        if (!_members.TryGetValue(participantId, out var member) || member.IsDisplay)
            return "Join the meeting before sharing your screen.";
        Mcu.ParticipantVideoDecoder? stoppedDecoder = null;
        lock (_membership)
        {
            if (active == member.Sharing)
                return null;
            if (active)
            {
                if (Array.Find(_memberList, m => m.Sharing) is { } other)
                    return $"{other.Participant.Name} is sharing their screen. Ask them to stop, then share yours.";
                member.ScreenTile = _compositor.AddParticipant(ScreenTileId(member.Id), $"{member.Participant.Name} (screen)", AspectMode.Letterbox);
            }
            else
            {
                _compositor.RemoveParticipant(member.ScreenTile!.Id);
                member.ScreenTile = null;
                stoppedDecoder = member.ScreenDecoder;
                member.ScreenDecoder = null;
            }
            UpdateLayout();
        }
        if (stoppedDecoder is not null)
            await stoppedDecoder.DisposeAsync();
        if (active)
            member.Peer.RequestScreenKeyFrame();
        _logger.LogInformation("{Name} {Action} sharing the screen", member.Participant.Name, active ? "started" : "stopped");
        _roster.Invalidate();
        return null;
    }

    /// <summary>The compositor's tile id of a participant's shared screen.</summary>
    public static string ScreenTileId(string participantId) => participantId + "/screen";
}
