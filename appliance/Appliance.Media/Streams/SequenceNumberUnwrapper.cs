namespace Appliance.Media.Streams;

/// <summary>
/// Turns 16-bit sequence numbers into a monotonic 64-bit count so that wrap-around never has to be
/// considered again by the caller. The first value seen maps to itself (plus 65536 so that slightly
/// older packets that arrive afterwards still map to non-negative values).
/// </summary>
public struct SequenceNumberUnwrapper
{
    private long _last;
    private bool _hasLast;

    /// <summary>Extends <paramref name="sequenceNumber"/> relative to the previous value unwrapped.</summary>
    public long Unwrap(ushort sequenceNumber)
    {
        if (!_hasLast)
        {
            _hasLast = true;
            _last = 65536 + sequenceNumber;
            return _last;
        }

        long extended = _last + RtpSequenceNumber.Distance((ushort)_last, sequenceNumber);
        if (extended > _last)
        {
            _last = extended;
        }

        return extended;
    }

    /// <summary>Extends without moving the reference point (for look-ups).</summary>
    public readonly long Peek(ushort sequenceNumber) =>
        _hasLast ? _last + RtpSequenceNumber.Distance((ushort)_last, sequenceNumber) : 65536 + sequenceNumber;

    /// <summary>Forgets the reference point.</summary>
    public void Reset() => _hasLast = false;
}
