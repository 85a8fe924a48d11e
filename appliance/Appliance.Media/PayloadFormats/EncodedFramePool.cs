namespace Appliance.Media.PayloadFormats;

/// <summary>
/// Pool of <see cref="EncodedFrame"/> objects. A frame keeps its (grown) buffer while it sits in the
/// pool, so in steady state renting a frame allocates nothing. Thread-safe.
/// </summary>
public sealed class EncodedFramePool
{
    private const int DefaultInitialCapacity = 16 * 1024;

    /// <summary>Buffers larger than this are given back to the array pool instead of being kept.</summary>
    private const int MaxRetainedCapacity = 4 * 1024 * 1024;

    private readonly Stack<EncodedFrame> _free;
    private readonly int _maxRetained;
    private readonly int _initialCapacity;
    private readonly Lock _lock = new();
    private long _outstanding;

    /// <summary>Creates a pool that keeps at most <paramref name="maxRetainedFrames"/> idle frames.</summary>
    public EncodedFramePool(int maxRetainedFrames = 64, int initialCapacity = DefaultInitialCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxRetainedFrames);
        ArgumentOutOfRangeException.ThrowIfLessThan(initialCapacity, 1);
        _maxRetained = maxRetainedFrames;
        _initialCapacity = initialCapacity;
        _free = new Stack<EncodedFrame>(maxRetainedFrames);
    }

    /// <summary>A process-wide pool.</summary>
    public static EncodedFramePool Shared { get; } = new();

    /// <summary>Number of idle frames held by the pool (for tests and metrics).</summary>
    public int IdleCount
    {
        get
        {
            lock (_lock)
            {
                return _free.Count;
            }
        }
    }

    /// <summary>Frames rented and not yet given back: what a leak check reads (0 when everything is idle).</summary>
    public long Outstanding => Interlocked.Read(ref _outstanding);

    /// <summary>Hands out an empty frame; the caller owns it until it calls <see cref="EncodedFrame.Dispose"/>.</summary>
    public EncodedFrame Rent(MediaCodec codec)
    {
        EncodedFrame? frame = null;
        lock (_lock)
        {
            _free.TryPop(out frame);
        }

        frame ??= new EncodedFrame(this, _initialCapacity);
        Interlocked.Increment(ref _outstanding);
        frame.Prepare(codec);
        return frame;
    }

    internal void Return(EncodedFrame frame)
    {
        Interlocked.Decrement(ref _outstanding);
        if (frame.Capacity <= MaxRetainedCapacity)
        {
            lock (_lock)
            {
                if (_free.Count < _maxRetained)
                {
                    _free.Push(frame);
                    return;
                }
            }
        }

        frame.ReleaseBuffer();
    }
}
