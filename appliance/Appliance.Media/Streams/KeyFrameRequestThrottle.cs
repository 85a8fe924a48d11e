namespace Appliance.Media.Streams;

/// <summary>
/// Sender side of key frame requests for one shared encoder: every receiver's PLI (or FIR) lands
/// here, and the encoder asks before each frame whether to force a key frame. At most one key frame
/// is forced per <see cref="MinInterval"/>; requests inside the interval are merged into one key
/// frame at its end (DESIGN.md section 8: "one lossy receiver makes everyone's picture pulse"
/// otherwise). A receiver that has just joined sees nothing until a key frame, so its request
/// (<see cref="OnJoin"/>) waits only <see cref="JoinInterval"/> after the last key frame: a join
/// costs at most that long a black screen, and a crowd joining at once still merges into a few
/// key frames. Thread-safe: requests come from receive paths, the question from the encoder.
/// </summary>
public sealed class KeyFrameRequestThrottle
{
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private bool _pending;
    private bool _joinPending;
    private bool _hasKeyFrame;
    private long _lastKeyFrameAt;
    private long _requestsReceived;
    private long _keyFramesForced;

    /// <summary>Creates a throttle allowing one forced key frame per <paramref name="minInterval"/>.</summary>
    /// <param name="joinInterval">Least time between the last key frame and one forced for a joining receiver;
    /// by default a quarter of <paramref name="minInterval"/>.</param>
    public KeyFrameRequestThrottle(TimeSpan minInterval, TimeProvider time, TimeSpan? joinInterval = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minInterval, TimeSpan.Zero);
        MinInterval = minInterval;
        JoinInterval = joinInterval ?? minInterval / 4;
        ArgumentOutOfRangeException.ThrowIfLessThan(JoinInterval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(JoinInterval, MinInterval);
        _time = time;
    }

    /// <summary>Least time between two forced key frames.</summary>
    public TimeSpan MinInterval { get; }

    /// <summary>Least time between the last key frame and one forced because a receiver joined.</summary>
    public TimeSpan JoinInterval { get; }

    /// <summary>Requests received from all receivers.</summary>
    public long RequestsReceived => Interlocked.Read(ref _requestsReceived);

    /// <summary>Key frames forced in answer.</summary>
    public long KeyFramesForced => Interlocked.Read(ref _keyFramesForced);

    /// <summary>A receiver asked for a key frame.</summary>
    public void OnRequest()
    {
        lock (_lock)
        {
            _requestsReceived++;
            _pending = true;
        }
    }

    /// <summary>A receiver joined and waits for its first key frame.</summary>
    public void OnJoin()
    {
        lock (_lock)
        {
            _requestsReceived++;
            _pending = true;
            _joinPending = true;
        }
    }

    /// <summary>Asked by the encoder before each frame: true when this frame must be a key frame.</summary>
    public bool ShouldForceKeyFrame()
    {
        lock (_lock)
        {
            if (!_pending)
            {
                return false;
            }

            long now = _time.GetTimestamp();
            if (_hasKeyFrame && _time.GetElapsedTime(_lastKeyFrameAt, now) < (_joinPending ? JoinInterval : MinInterval))
            {
                return false;
            }

            _pending = false;
            _joinPending = false;
            _hasKeyFrame = true;
            _lastKeyFrameAt = now;
            _keyFramesForced++;
            return true;
        }
    }

    /// <summary>The encoder produced a key frame on its own (periodic): it answers pending requests too.</summary>
    public void OnKeyFrameEncoded()
    {
        lock (_lock)
        {
            _pending = false;
            _joinPending = false;
            _hasKeyFrame = true;
            _lastKeyFrameAt = _time.GetTimestamp();
        }
    }
}
