using Microsoft.Extensions.Logging;

namespace Appliance.Mixing.Audio.Speakers;

/// <summary>
/// Picks the room's active speaker (for the active-speaker video layout) from each participant's audio
/// level, with hysteresis so the picture does not flick between people: a challenger takes over only after
/// being louder than the current speaker by <see cref="ActiveSpeakerOptions.MarginDb"/> for
/// <see cref="ActiveSpeakerOptions.MinimumDuration"/> without interruption. Time comes from a
/// <see cref="TimeProvider"/>. Not thread-safe: fed by the mixer's thread after each tick.
/// </summary>
/// <remarks>
/// Levels are RFC 6464 values (section 3: "0 to 127 representing 0 to -127 dBov"), as
/// <see cref="Inputs.AudioParticipantInput.Level"/> gives them, smoothed per participant by a running average.
/// </remarks>
public sealed partial class ActiveSpeakerDetector
{
    private const double SilenceDbov = -127;

    private readonly ActiveSpeakerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, Contender> _contenders = new(StringComparer.Ordinal);

    /// <summary>Creates a detector with no speaker.</summary>
    public ActiveSpeakerDetector(ActiveSpeakerOptions options, TimeProvider time, ILogger<ActiveSpeakerDetector> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!(options.Smoothing > 0 && options.Smoothing <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Smoothing, "Smoothing must be in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(options.MarginDb);
        _options = options;
        _time = time;
        _logger = logger;
    }

    /// <summary>Raised by <see cref="Evaluate"/> when the speaker changes (and by <see cref="Remove"/> when the speaker leaves).</summary>
    public event Action<ActiveSpeakerChange>? SpeakerChanged;

    /// <summary>The active speaker, or null before anyone has spoken.</summary>
    public string? CurrentSpeaker { get; private set; }

    /// <summary>
    /// Records one level of <paramref name="participantId"/> (RFC 6464: 0 loudest … 127 silence; larger
    /// values are treated as silence). Call once per participant per tick.
    /// </summary>
    public void Update(string participantId, byte level)
    {
        double dbov = -Math.Min((int)level, 127);
        if (_contenders.TryGetValue(participantId, out var contender))
        {
            contender.SmoothedDbov += (dbov - contender.SmoothedDbov) * _options.Smoothing;
        }
        else
        {
            _contenders.Add(participantId, new Contender(participantId, dbov));
        }
    }

    /// <summary>Forgets a participant who left; if they were the speaker, there is none until someone else qualifies.</summary>
    public void Remove(string participantId)
    {
        _contenders.Remove(participantId);
        if (participantId == CurrentSpeaker)
        {
            ChangeTo(null);
        }
    }

    /// <summary>The smoothed level of a participant in dBov (-127 when unknown).</summary>
    public double SmoothedLevelDbov(string participantId) =>
        _contenders.TryGetValue(participantId, out var contender) ? contender.SmoothedDbov : SilenceDbov;

    /// <summary>
    /// Applies the hysteresis to the levels recorded so far; call after each tick's updates. A participant
    /// qualifies while their smoothed level is speech and exceeds the speaker's by the margin; the one who
    /// has qualified without interruption the longest takes over once that lasts the minimum duration.
    /// Returns true (and raises <see cref="SpeakerChanged"/>) when the speaker changed.
    /// </summary>
    public bool Evaluate()
    {
        long now = _time.GetTimestamp();
        double speakerDbov = CurrentSpeaker is null ? SilenceDbov : SmoothedLevelDbov(CurrentSpeaker);
        double bar = Math.Max(speakerDbov + _options.MarginDb, _options.SpeechThresholdDbov);
        Contender? next = null;
        foreach (var contender in _contenders.Values)
        {
            if (contender.Id == CurrentSpeaker || contender.SmoothedDbov < bar)
            {
                contender.QualifiedSince = null;
                continue;
            }

            contender.QualifiedSince ??= now;
            if (_time.GetElapsedTime(contender.QualifiedSince.Value, now) >= _options.MinimumDuration
                && (next is null || contender.QualifiedSince < next.QualifiedSince
                    || (contender.QualifiedSince == next.QualifiedSince && contender.SmoothedDbov > next.SmoothedDbov)))
            {
                next = contender;
            }
        }

        if (next is null)
        {
            return false;
        }

        // The bar moves with the new speaker: everyone starts qualifying afresh.
        foreach (var contender in _contenders.Values)
        {
            contender.QualifiedSince = null;
        }

        ChangeTo(next.Id);
        return true;
    }

    private void ChangeTo(string? speaker)
    {
        var change = new ActiveSpeakerChange(CurrentSpeaker, speaker);
        CurrentSpeaker = speaker;
        LogSpeakerChanged(_logger, change.Previous, change.Current);
        SpeakerChanged?.Invoke(change);
    }

    /// <summary>One participant's running level and since when they have been louder than the speaker by the margin.</summary>
    private sealed class Contender(string id, double smoothedDbov)
    {
        public string Id { get; } = id;

        public double SmoothedDbov { get; set; } = smoothedDbov;

        public long? QualifiedSince { get; set; }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Active speaker changed from {Previous} to {Current}")]
    private static partial void LogSpeakerChanged(ILogger logger, string? previous, string? current);
}
