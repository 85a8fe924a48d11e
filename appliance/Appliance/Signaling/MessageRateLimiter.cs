namespace Appliance.Signaling;

/// <summary>
/// A token bucket for one signaling connection: it holds up to <c>burst</c> messages and
/// refills at <c>perSecond</c>. Not thread-safe: one connection reads its messages in order.
/// </summary>
public sealed class MessageRateLimiter
{
    private readonly TimeProvider _time;
    private readonly double _perSecond;
    private readonly double _burst;
    private double _tokens;
    private long _refilledAt;

    public MessageRateLimiter(int perSecond, int burst, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perSecond, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, perSecond);
        _time = time;
        _perSecond = perSecond;
        _burst = burst;
        _tokens = burst;
        _refilledAt = time.GetTimestamp();
    }

    /// <summary>Takes one message's token; false when the connection is sending faster than allowed.</summary>
    public bool TryAcquire()
    {
        var now = _time.GetTimestamp();
        _tokens = Math.Min(_burst, _tokens + _time.GetElapsedTime(_refilledAt, now).TotalSeconds * _perSecond);
        _refilledAt = now;
        if (_tokens < 1)
            return false;
        _tokens -= 1;
        return true;
    }
}
