namespace Appliance.Media.Streams;

/// <summary>
/// Sender side of key frame requests for one shared encoder: every receiver's PLI (or FIR) lands
/// here, and the encoder asks before each frame whether to force a key frame. At most one key frame
/// is forced per <see cref="MinInterval"/>; requests inside the interval are merged into one key
/// frame at its end (DESIGN.md section 8: "one lossy receiver makes everyone's picture pulse"
/// otherwise). Thread-safe: requests come from receive paths, the question from the encoder.
/// </summary>
public sealed class KeyFrameRequestThrottle
{
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private bool _pending;
    private bool _hasKeyFrame;
    private long _lastKeyFrameAt;
    private long _requestsReceived;
    private long _keyFramesForced;

    /// <summary>Creates a throttle allowing one forced key frame per <paramref name="minInterval"/>.</summary>
    public KeyFrameRequestThrottle(TimeSpan minInterval, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minInterval, TimeSpan.Zero);
        MinInterval = minInterval;
        _time = time;
    }

    /// <summary>Least time between two forced key frames.</summary>
    public TimeSpan MinInterval { get; }

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
            if (_hasKeyFrame && _time.GetElapsedTime(_lastKeyFrameAt, now) < MinInterval)
            {
                return false;
            }

            _pending = false;
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
            _hasKeyFrame = true;
            _lastKeyFrameAt = _time.GetTimestamp();
        }
    }
}
