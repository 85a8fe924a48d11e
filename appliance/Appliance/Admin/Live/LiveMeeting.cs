using Appliance.Conference;

namespace Appliance.Admin.Live;

/// <summary>
/// The live view's rows, from <see cref="MeetingRoom.Snapshot"/> (rates since the previous poll of
/// the console) and the encoder groups; the admin's kick and mute go to the room.
/// </summary>
public sealed class LiveMeeting(MeetingRoom meeting)
{
    public sealed record ParticipantRow(string Id, string Name, string Role, string? Codec, int Width, int Height,
        double FrameRate, long ReceiveBitrate, long SendBitrate, double LossPercent, double RemoteLossPercent, double? RttMs,
        string? EncoderGroup, bool MicMuted, bool CameraOff, bool Sharing);

    public sealed record EncoderRow(string Profile, string Provider, int Receivers, long FramesEncoded, long KeyFramesEncoded, long Failures);

    public IReadOnlyList<ParticipantRow> Participants() =>
        meeting.Snapshot().Select(s => new ParticipantRow(s.Id, s.Name, s.Role, s.Codec, s.Width, s.Height,
            s.FramesPerSecondIn, s.BitrateIn, s.BitrateOut, Math.Round(100 * s.LossFraction, 1), Math.Round(100 * s.RemoteLossFraction, 1),
            s.RoundTripTime is { } rtt ? Math.Round(rtt.TotalMilliseconds, 1) : null, s.EncoderGroup, s.MicMuted, s.CameraOff, s.Sharing)).ToList();

    public IReadOnlyList<EncoderRow> Encoders() =>
        meeting.EncoderGroups.Select(g => new EncoderRow(g.Profile.ToString(), g.ProviderName, g.MemberCount,
            g.FramesEncoded, g.KeyFramesEncoded, g.EncodeFailures)).ToList();

    private bool IsMember(string id) => meeting.Snapshot().Any(s => s.Id == id);

    /// <summary>Removes a participant; their page is told the admin removed them. False for an unknown id.</summary>
    public async Task<bool> KickAsync(string id)
    {
        if (!IsMember(id))
            return false;
        await meeting.KickAsync(id);
        return true;
    }

    /// <summary>Mutes a participant's microphone (they may unmute themselves). False for an unknown id.</summary>
    public bool Mute(string id)
    {
        if (!meeting.Snapshot().Any(s => s.Id == id && s.Role == "participant"))
            return false;
        meeting.ForceMute(id);
        return true;
    }
}
