namespace Appliance.Mcu.RateAdaptation;

/// <summary>
/// Measures a stream's bitrate over whole windows (default one second): bytes are counted as they are sent and
/// the rate is the last complete window's. Allocation-free. Not thread-safe (the sending thread).
/// </summary>
public sealed class BitrateMeter(TimeProvider time, TimeSpan? window = null)
{
    private readonly TimeSpan _window = window ?? TimeSpan.FromSeconds(1);
    private long _windowStart = time.GetTimestamp();
    private long _bytes;
    private long _bitrate;

    /// <summary>Bits per second over the last complete window (0 before the first).</summary>
    public long BitsPerSecond => Interlocked.Read(ref _bitrate);

    public void Add(int bytes)
    {
        var now = time.GetTimestamp();
        var elapsed = time.GetElapsedTime(_windowStart, now);
        if (elapsed >= _window)
        {
            Interlocked.Exchange(ref _bitrate, (long)(_bytes * 8 / elapsed.TotalSeconds));
            _bytes = 0;
            _windowStart = now;
        }
        _bytes += bytes;
    }
}
