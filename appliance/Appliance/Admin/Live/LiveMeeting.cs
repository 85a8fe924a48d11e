using System.Collections.Concurrent;
using Appliance.Conference;

namespace Appliance.Admin.Live;

/// <summary>
/// The live view's participant rows: who is connected, with which codec, what they send and
/// receive (rates between two polls of the console), loss and encoder group. Rates need two
/// readings; the first poll after a participant joins shows none.
/// </summary>
public sealed class LiveMeeting(ParticipantDirectory participants, MeetingRoom meeting, TimeProvider time)
{
    public sealed record ParticipantRow(string Id, string Name, string Room, string? Codec, int? Width, int? Height,
        double? FrameRate, long? ReceiveBitrate, long? SendBitrate, double? LossPercent, double? RttMs, string? EncoderGroup, bool? MicMuted);

    public sealed record EncoderRow(string Profile, string Provider, int Receivers, long FramesEncoded, long KeyFramesEncoded, long Failures);

    private readonly ConcurrentDictionary<string, Reading> _last = new(StringComparer.Ordinal);

    public IReadOnlyList<ParticipantRow> Participants()
    {
        var now = time.GetTimestamp();
        var rows = new List<ParticipantRow>();
        var groups = meeting.EncoderGroups;
        foreach (var participant in participants.All)
        {
            var peer = participant.Peer;
            var inbound = peer.VideoReceiver?.Statistics;
            var reading = new Reading(now, inbound?.BytesReceived ?? 0, peer.VideoSender?.Stream.OctetCount ?? 0,
                peer.VideoFramesReceived, inbound?.Expected ?? 0, inbound?.Lost ?? 0);
            long? receive = null, send = null;
            double? fps = null, loss = null;
            if (_last.TryGetValue(participant.Id, out var before) && time.GetElapsedTime(before.At, now).TotalSeconds is var seconds and > 0.2)
            {
                receive = (long)((reading.BytesIn - before.BytesIn) * 8 / seconds);
                send = (long)(unchecked((uint)(reading.BytesOut - before.BytesOut)) * 8 / seconds);
                fps = Math.Round((reading.Frames - before.Frames) / seconds, 1);
                var expected = reading.Expected - before.Expected;
                loss = expected > 0 ? Math.Round(100.0 * Math.Max(0, reading.Lost - before.Lost) / expected, 1) : 0;
            }
            _last[participant.Id] = reading;
            var codec = peer.VideoCodec?.ToString();
            var group = groups.FirstOrDefault(g => codec is not null && string.Equals(g.Profile.Codec.ToString(), codec, StringComparison.OrdinalIgnoreCase));
            rows.Add(new ParticipantRow(participant.Id, participant.Name, participant.Room, codec, null, null, fps, receive, send, loss, null,
                group?.Profile.ToString(), null));
        }
        foreach (var id in _last.Keys.Except(rows.Select(r => r.Id)))
            _last.TryRemove(id, out _);
        return rows;
    }

    public IReadOnlyList<EncoderRow> Encoders() =>
        meeting.EncoderGroups.Select(g => new EncoderRow(g.Profile.ToString(), g.ProviderName, g.MemberCount,
            g.FramesEncoded, g.KeyFramesEncoded, g.EncodeFailures)).ToList();

    /// <summary>Removes a participant from the meeting; their page is told the admin removed them.</summary>
    public bool Kick(string id)
    {
        var participant = participants.All.FirstOrDefault(p => p.Id == id);
        if (participant is null)
            return false;
        _ = participant.Signaling.SendAsync(new DisconnectedMessage("The box's admin removed you from the meeting."), CancellationToken.None);
        participants.Leave(participant.Signaling, "removed by the admin");
        return true;
    }

    private sealed record Reading(long At, long BytesIn, long BytesOut, long Frames, long Expected, long Lost);
}
