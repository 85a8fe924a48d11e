using System.Security.Cryptography;
using Appliance.Conference;
using Appliance.Security;
using Microsoft.Extensions.Options;

namespace Appliance.Rooms;

/// <summary>
/// The meeting room's code under the admin's policy (fixed, new per meeting, rotating every
/// N minutes, or none), and the check of a typed code: accepted, unknown, recently replaced
/// ("expired"), or refused because the address guessed too often.
/// </summary>
public sealed class RoomCodes
{
    /// <summary>How many replaced codes are still recognised as "expired" rather than unknown.</summary>
    private const int RememberedCodes = 4;

    /// <summary>A per-meeting code is kept this long after it let someone in, even if the room is empty again.</summary>
    private static readonly TimeSpan PerMeetingGrace = TimeSpan.FromSeconds(30);

    private readonly IOptionsMonitor<RoomOptions> _room;
    private readonly IOptionsMonitor<MeetingOptions> _meeting;
    private readonly IRoomOccupancy _occupancy;
    private readonly TimeProvider _time;
    private readonly ILogger<RoomCodes> _logger;
    private readonly Lock _gate = new();
    private readonly Queue<string> _retired = new();
    private RoomCodePolicy _policy;
    private string _current = "";
    private DateTimeOffset _issuedAt;
    private DateTimeOffset _lastAccepted = DateTimeOffset.MinValue;

    public RoomCodes(IOptionsMonitor<RoomOptions> room, IOptionsMonitor<MeetingOptions> meeting, IRoomOccupancy occupancy,
        TimeProvider time, ILogger<RoomCodes> logger)
    {
        _room = room;
        _meeting = meeting;
        _occupancy = occupancy;
        _time = time;
        _logger = logger;
        Attempts = new AttemptLimiter("room-code", maxFailures: 10, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(2), time);
        lock (_gate)
            Start(room.CurrentValue.CodePolicy);
    }

    /// <summary>Wrong room codes per client address.</summary>
    public AttemptLimiter Attempts { get; }

    public RoomCodePolicy Policy
    {
        get
        {
            lock (_gate)
                return Refresh();
        }
    }

    /// <summary>The code to type now; null when the policy is <see cref="RoomCodePolicy.None"/>.</summary>
    public string? Current
    {
        get
        {
            lock (_gate)
                return Refresh() == RoomCodePolicy.None ? null : _current;
        }
    }

    /// <summary>When a rotating code is replaced; null for the other policies.</summary>
    public DateTimeOffset? ExpiresAt
    {
        get
        {
            lock (_gate)
                return Refresh() == RoomCodePolicy.Rotating ? _issuedAt + RotationPeriod : null;
        }
    }

    /// <summary>Checks a code typed by someone at <paramref name="clientAddress"/>, counting wrong ones.</summary>
    public RoomCodeVerdict Check(string clientAddress, string typed)
    {
        var wait = Attempts.RetryAfter(clientAddress);
        if (wait > TimeSpan.Zero)
            return new RoomCodeVerdict(RoomCodeResult.TooManyAttempts, wait);
        var code = Normalize(typed);
        RoomCodeResult result;
        lock (_gate)
        {
            var policy = Refresh();
            if (policy == RoomCodePolicy.None || CryptographicOperations.FixedTimeEquals(
                    System.Text.Encoding.UTF8.GetBytes(code), System.Text.Encoding.UTF8.GetBytes(_current)))
            {
                _lastAccepted = _time.GetUtcNow();
                Attempts.Succeed(clientAddress);
                return RoomCodeVerdict.Accepted;
            }
            result = code.Length > 0 && _retired.Contains(code) ? RoomCodeResult.Expired : RoomCodeResult.UnknownRoom;
        }
        var lockedFor = Attempts.Fail(clientAddress);
        if (lockedFor > TimeSpan.Zero)
        {
            _logger.LogWarning("Room-code guesses from {Address} are refused for {Seconds:F0} s after {Count} wrong codes",
                clientAddress, lockedFor.TotalSeconds, Attempts.MaxFailures);
        }
        return new RoomCodeVerdict(result);
    }

    /// <summary>
    /// A new code now (the pairing button's short press), under the per-meeting and rotating
    /// policies; the fixed code changes only in the settings, and "none" has no code.
    /// </summary>
    public void Renew()
    {
        lock (_gate)
        {
            if (Refresh() is RoomCodePolicy.PerMeeting or RoomCodePolicy.Rotating)
                Replace(NewCode(), "the pairing button asked for one");
        }
    }

    /// <summary>Room codes are compared without case and surrounding spaces ("Meeting " is "meeting").</summary>
    public static string Normalize(string code) => code.Trim().ToLowerInvariant();

    private TimeSpan RotationPeriod => TimeSpan.FromMinutes(_room.CurrentValue.RotationMinutes);

    /// <summary>Brings the code up to date with the policy, the clock and the room's occupancy.</summary>
    private RoomCodePolicy Refresh()
    {
        var policy = _room.CurrentValue.CodePolicy;
        if (policy != _policy)
        {
            Start(policy);
            return policy;
        }
        var now = _time.GetUtcNow();
        switch (policy)
        {
            case RoomCodePolicy.Fixed:
                var fixedCode = Normalize(_meeting.CurrentValue.RoomCode);
                if (fixedCode != _current)
                    Replace(fixedCode, "the admin changed it");
                break;
            case RoomCodePolicy.Rotating:
                if (now - _issuedAt >= RotationPeriod)
                {
                    // Several periods may have passed while nobody asked; the code follows the period grid.
                    var periods = (now - _issuedAt).Ticks / RotationPeriod.Ticks;
                    var issued = _issuedAt + TimeSpan.FromTicks(periods * RotationPeriod.Ticks);
                    Replace(NewCode(), "its time was up");
                    _issuedAt = issued;
                }
                break;
            case RoomCodePolicy.PerMeeting:
                if (_lastAccepted >= _issuedAt && _occupancy.Count == 0 && now - _lastAccepted >= PerMeetingGrace)
                    Replace(NewCode(), "the meeting ended");
                break;
        }
        return policy;
    }

    private void Start(RoomCodePolicy policy)
    {
        _policy = policy;
        var code = policy == RoomCodePolicy.Fixed ? Normalize(_meeting.CurrentValue.RoomCode) : NewCode();
        Replace(code, $"the policy is now {policy}");
    }

    private void Replace(string code, string reason)
    {
        if (_current.Length > 0 && _current != code)
        {
            _retired.Enqueue(_current);
            while (_retired.Count > RememberedCodes)
                _retired.Dequeue();
        }
        _current = code;
        _issuedAt = _time.GetUtcNow();
        _logger.LogInformation("The room has a new code because {Reason} (policy {Policy})", reason, _policy);
    }

    /// <summary>Six digits, easy to type on a phone; guessing is limited per address by <see cref="Attempts"/>.</summary>
    private static string NewCode() => RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
}
