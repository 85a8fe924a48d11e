namespace Appliance.Hwaccel.Frames;

/// <summary>
/// Keeps returned frames per layout (format × width × height) and hands them out again,
/// so steady-state decode, composition and encode allocate nothing.
/// Thread-safe: decoders, the compositor and encoders may run on different threads.
/// </summary>
public sealed class VideoFramePool
{
    private readonly Dictionary<VideoFrameLayout, Stack<VideoFrame>> _free = new();
    private readonly int _maxRetainedPerLayout;
    private long _allocated;

    /// <param name="maxRetainedPerLayout">Frames kept per layout; more are dropped to the GC when returned.</param>
    public VideoFramePool(int maxRetainedPerLayout = 32)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRetainedPerLayout, 1);
        _maxRetainedPerLayout = maxRetainedPerLayout;
    }

    /// <summary>A pool for code that does not get one injected.</summary>
    public static VideoFramePool Shared { get; } = new();

    /// <summary>Frames this pool has ever created (a steady state stops growing it).</summary>
    public long AllocatedCount => Interlocked.Read(ref _allocated);

    /// <summary>Rents a frame; its pixel contents are whatever the last user left.</summary>
    public VideoFrame Rent(VideoPixelFormat format, int width, int height)
    {
        var layout = new VideoFrameLayout(format, width, height);
        VideoFrame? frame = null;
        lock (_free)
        {
            if (_free.TryGetValue(layout, out var stack) && stack.Count > 0)
            {
                frame = stack.Pop();
            }
        }
        if (frame is null)
        {
            frame = new VideoFrame(this, layout);
            Interlocked.Increment(ref _allocated);
        }
        frame.Timestamp = 0;
        frame.MarkRented();
        return frame;
    }

    internal void Return(VideoFrame frame)
    {
        lock (_free)
        {
            if (!_free.TryGetValue(frame.Layout, out var stack))
            {
                stack = new Stack<VideoFrame>();
                _free.Add(frame.Layout, stack);
            }
            if (stack.Count < _maxRetainedPerLayout)
            {
                stack.Push(frame);
            }
        }
    }
}
