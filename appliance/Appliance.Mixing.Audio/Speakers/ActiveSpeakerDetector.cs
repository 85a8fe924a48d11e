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
    private readonly Dictionary<string, double> _smoothedDbov = new(StringComparer.Ordinal);
    private string? _challenger;
    private long _challengerSince;

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

    /// <summary>Raised by <see cref="Evaluate"/> when the speaker changes (also to null when the speaker leaves).</summary>
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
        ref var smoothed = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_smoothedDbov, participantId, out bool exists);
        smoothed = exists ? smoothed + ((dbov - smoothed) * _options.Smoothing) : dbov;
    }

    /// <summary>Forgets a participant who left; if they were the speaker, there is none until someone else qualifies.</summary>
    public void Remove(string participantId)
    {
        _smoothedDbov.Remove(participantId);
        if (participantId == _challenger)
        {
            _challenger = null;
        }

        if (participantId == CurrentSpeaker)
        {
            ChangeTo(null);
        }
    }

    /// <summary>The smoothed level of a participant in dBov (-127 when unknown).</summary>
    public double SmoothedLevelDbov(string participantId) =>
        _smoothedDbov.TryGetValue(participantId, out double dbov) ? dbov : SilenceDbov;

    /// <summary>
    /// Applies the hysteresis to the levels recorded so far; call after each tick's updates.
    /// Returns true (and raises <see cref="SpeakerChanged"/>) when the speaker changed.
    /// </summary>
    public bool Evaluate()
    {
        double currentDbov = CurrentSpeaker is null ? SilenceDbov : SmoothedLevelDbov(CurrentSpeaker);
        string? loudest = null;
        double loudestDbov = double.NegativeInfinity;
        foreach (var (id, dbov) in _smoothedDbov)
        {
            if (id != CurrentSpeaker && dbov > loudestDbov)
            {
                loudest = id;
                loudestDbov = dbov;
            }
        }

        if (loudest is null || loudestDbov < _options.SpeechThresholdDbov || loudestDbov < currentDbov + _options.MarginDb)
        {
            _challenger = null;
            return false;
        }

        if (loudest != _challenger)
        {
            _challenger = loudest;
            _challengerSince = _time.GetTimestamp();
            return false;
        }

        if (_time.GetElapsedTime(_challengerSince) < _options.MinimumDuration)
        {
            return false;
        }

        _challenger = null;
        ChangeTo(loudest);
        return true;
    }

    private void ChangeTo(string? speaker)
    {
        var change = new ActiveSpeakerChange(CurrentSpeaker, speaker);
        CurrentSpeaker = speaker;
        LogSpeakerChanged(_logger, change.Previous, change.Current);
        SpeakerChanged?.Invoke(change);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Active speaker changed from {Previous} to {Current}")]
    private static partial void LogSpeakerChanged(ILogger logger, string? previous, string? current);
}
