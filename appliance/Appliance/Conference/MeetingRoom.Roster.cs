using Appliance.Mixing.Audio.Speakers;
using Appliance.Mixing.Video.Layouts;

namespace Appliance.Conference;

/// <summary>
/// The roster (PROTOCOL.md "roster") and the layout: who is in the meeting, who speaks, what they muted or
/// share, and how the canvas is laid out. A screen share puts the room in the presenter layout with the
/// screen large; otherwise the Meeting:Layout setting holds, and in the active-speaker layout the big tile
/// follows the <see cref="ActiveSpeakerDetector"/> (with its hysteresis). Every change is published to every
/// participant and display, coalesced to at most one roster per <see cref="RosterInterval"/>.
/// </summary>
public sealed partial class MeetingRoom
{
    /// <summary>At most four rosters a second, however often speakers change.</summary>
    public static readonly TimeSpan RosterInterval = TimeSpan.FromMilliseconds(250);

    private static readonly ActiveSpeakerOptions SpeakerOptions = new();

    /// <summary>The speaking indicator goes off this far below the speech threshold (its own small hysteresis).</summary>
    private const double SpeakingOffBelowDb = 5;

    private readonly LayoutKind _defaultLayout;
    private readonly RosterCoalescer _roster;
    private readonly Lock _speakersGate = new();
    private string? _activeSpeakerId;
    private string? _presenterId;

    /// <summary>Rosters sent so far (each one to every member).</summary>
    public long RostersPublished => _roster.Published;

    /// <summary>The layout now: presenter while someone shares, else the Meeting:Layout setting.</summary>
    public LayoutKind Layout => _compositor.Layout;

    /// <summary>The active speaker the detector chose, or null.</summary>
    public string? ActiveSpeakerId => Volatile.Read(ref _activeSpeakerId);

    /// <summary>The roster as it is now.</summary>
    public RosterMessage CurrentRoster()
    {
        var members = Volatile.Read(ref _memberList);
        var entries = new List<RosterEntry>(members.Length);
        foreach (var m in members)
        {
            if (!m.IsDisplay)
                entries.Add(new RosterEntry(m.Id, m.Participant.Name, m.MicMuted || m.ForceMuted, m.CameraOff, m.Sharing, m.Speaking));
        }
        foreach (var s in Volatile.Read(ref _syntheticList))
            entries.Add(new RosterEntry(s.Id, s.Name, MicMuted: false, CameraOff: false, Sharing: false, s.Speaking));
        return new RosterMessage(entries, ActiveSpeakerId, MeetingLayouts.NameOf(_compositor.Layout), Volatile.Read(ref _presenterId));
    }

    private void PublishRoster()
    {
        try
        {
            var roster = CurrentRoster();
            foreach (var member in Volatile.Read(ref _memberList))
                _ = member.Participant.Signaling.SendAsync(roster, CancellationToken.None);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Sending the roster failed");
        }
    }

    /// <summary>After each audio tick: the detector takes everyone's level, and the speaking indicators follow it.</summary>
    private void UpdateSpeakers()
    {
        var changed = false;
        lock (_speakersGate)
        {
            var members = Volatile.Read(ref _memberList);
            foreach (var member in members)
            {
                if (!member.IsDisplay)
                    _speakers.Update(member.Id, member.Audio.Input.Level);
            }
            foreach (var synthetic in Volatile.Read(ref _syntheticList))
                _speakers.Update(synthetic.Id, synthetic.Voice.Input.Level);
            _speakers.Evaluate();
            foreach (var member in members)
            {
                if (member.IsDisplay)
                    continue;
                var speaking = IsSpeaking(member.Id, member.Speaking);
                if (speaking != member.Speaking)
                {
                    member.Speaking = speaking;
                    changed = true;
                }
            }
            foreach (var synthetic in Volatile.Read(ref _syntheticList))
            {
                var speaking = IsSpeaking(synthetic.Id, synthetic.Speaking);
                if (speaking != synthetic.Speaking)
                {
                    synthetic.Speaking = speaking;
                    changed = true;
                }
            }
        }
        if (changed)
            _roster.Invalidate();
    }

    /// <summary>The speaking indicator: on above the speech threshold, off only a little below it.</summary>
    private bool IsSpeaking(string id, bool wasSpeaking)
    {
        var level = _speakers.SmoothedLevelDbov(id);
        return wasSpeaking
            ? level >= SpeakerOptions.SpeechThresholdDbov - SpeakingOffBelowDb
            : level >= SpeakerOptions.SpeechThresholdDbov;
    }

    private void OnSpeakerChanged(ActiveSpeakerChange change)
    {
        Volatile.Write(ref _activeSpeakerId, change.Current);
        lock (_membership)
            UpdateLayout();
        _roster.Invalidate();
    }

    /// <summary>Chooses the layout and its focus tile (under the membership lock).</summary>
    private void UpdateLayout()
    {
        var presenter = Array.Find(_memberList, m => m.Sharing);
        Volatile.Write(ref _presenterId, presenter?.Id);
        if (presenter is not null)
        {
            _compositor.Layout = LayoutKind.Presenter;
            _compositor.FocusId = presenter.ScreenTile!.Id;
            return;
        }
        _compositor.Layout = _defaultLayout;
        _compositor.FocusId = _defaultLayout == LayoutKind.ActiveSpeaker ? ActiveSpeakerId : null;
    }
}
