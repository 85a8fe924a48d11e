namespace Appliance.Conference;

/// <summary>The admin console's view of the meeting: every member's media figures.</summary>
public sealed partial class MeetingRoom
{
    /// <summary>Every participant and display now, in join order.</summary>
    public IReadOnlyList<MeetingParticipantStatus> Snapshot()
    {
        var now = _time.GetTimestamp();
        var members = Volatile.Read(ref _memberList);
        var statuses = new List<MeetingParticipantStatus>(members.Length);
        foreach (var member in members)
            statuses.Add(StatusOf(member, now));
        return statuses;
    }

    private MeetingParticipantStatus StatusOf(MeetingMember member, long now)
    {
        var peer = member.Peer;
        var decoder = member.Decoder;
        var sample = new StatusSample(now, decoder?.FramesDecoded ?? 0, peer.VideoReceiver?.Statistics.BytesReceived ?? 0,
            (long)(peer.VideoSender?.Stream.OctetCount ?? 0) + (peer.AudioSender?.Stream.OctetCount ?? 0));
        StatusRates rates;
        lock (member)
        {
            // Rates over at least a second: two readings close together would see a frame or none.
            var previous = member.LastSample;
            var seconds = _time.GetElapsedTime(previous.Timestamp, now).TotalSeconds;
            if (seconds >= 1 || member.LastRates is null)
            {
                seconds = Math.Max(seconds, 0.001);
                member.LastRates = new StatusRates(
                    Math.Round((sample.FramesDecoded - previous.FramesDecoded) / seconds, 1),
                    (long)(Math.Max(0, sample.BytesIn - previous.BytesIn) * 8 / seconds),
                    (long)(Math.Max(0, sample.BytesOut - previous.BytesOut) * 8 / seconds));
                member.LastSample = sample;
            }
            rates = member.LastRates;
        }
        var resolution = decoder?.Resolution;
        return new MeetingParticipantStatus(
            member.Id,
            member.Participant.Name,
            member.IsDisplay ? "display" : "participant",
            peer.VideoCodec?.ToString().ToUpperInvariant(),
            resolution?.Width ?? 0,
            resolution?.Height ?? 0,
            rates.FramesPerSecondIn,
            rates.BitrateIn,
            rates.BitrateOut,
            peer.CameraFractionLost,
            peer.RemoteFractionLost,
            peer.RoundTripTime,
            member.Group?.Profile.ToString(),
            member.MicMuted || member.ForceMuted,
            member.CameraOff,
            member.Sharing);
    }
}
