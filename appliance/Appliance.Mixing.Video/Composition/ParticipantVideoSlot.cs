using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;

namespace Appliance.Mixing.Video.Composition;

/// <summary>
/// One participant's place in the compositor: the latest decoded frame and how to show it.
/// <para>
/// Ownership: <see cref="Submit"/> takes the frame (from the decoder's pool) and returns the previous one to its pool, so a
/// slot owns at most one frame. When the source stalls the last frame stays (a frozen picture, never a hole). With
/// <see cref="VideoEnabled"/> off (camera off, track muted) or before the first frame, the tile shows the name placeholder.
/// </para>
/// Thread-safe: a decoder thread submits while the compositor's tick reads under the slot's lock.
/// </summary>
public sealed class ParticipantVideoSlot : IDisposable
{
    private readonly Lock _lock = new();
    private VideoFrame? _latest;
    private volatile bool _videoEnabled = true;
    private volatile string _displayName;
    private long _framesSubmitted;
    private bool _disposed;

    internal ParticipantVideoSlot(string id, string displayName, AspectMode aspectMode)
    {
        Id = id;
        _displayName = displayName;
        AspectMode = aspectMode;
    }

    /// <summary>The tile id the layouts use (a participant id, or e.g. "alice/screen" for a shared screen).</summary>
    public string Id { get; }

    /// <summary>The name on the tile's label and on the placeholder.</summary>
    public string DisplayName
    {
        get => _displayName;
        set => _displayName = value ?? string.Empty;
    }

    /// <summary>False while the participant's camera is off: the tile shows the name placeholder, the last frame is kept.</summary>
    public bool VideoEnabled
    {
        get => _videoEnabled;
        set => _videoEnabled = value;
    }

    /// <summary>How this tile's pictures fit the tile (crop for cameras, letterbox for shared screens).</summary>
    public AspectMode AspectMode { get; set; }

    /// <summary>Frames handed in so far.</summary>
    public long FramesSubmitted => Interlocked.Read(ref _framesSubmitted);

    /// <summary>Whether the slot holds a frame to show (it may be frozen).</summary>
    public bool HasFrame
    {
        get
        {
            lock (_lock)
            {
                return _latest is not null;
            }
        }
    }

    /// <summary>
    /// Takes ownership of <paramref name="frame"/> as the picture to show, returning the previous one to its pool.
    /// After the slot is disposed the frame is returned straight away.
    /// </summary>
    public void Submit(VideoFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        VideoFrame? previous;
        lock (_lock)
        {
            if (_disposed)
            {
                previous = frame;
            }
            else
            {
                previous = _latest;
                _latest = frame;
                _framesSubmitted++;
            }
        }
        previous?.Dispose();
    }

    /// <summary>Drops the held frame (the tile shows the placeholder until the next <see cref="Submit"/>).</summary>
    public void ClearFrame()
    {
        VideoFrame? previous;
        lock (_lock)
        {
            previous = _latest;
            _latest = null;
        }
        previous?.Dispose();
    }

    /// <summary>One scaler per tile, so a steady layout keeps reusing its libswscale context. Used only by the compositor's tick.</summary>
    internal FrameScaler Scaler { get; } = new();

    /// <summary>
    /// Holds the slot's lock for the compositor while it draws: <paramref name="latest"/> is the frame to draw, or null for the
    /// placeholder. The frame stays valid until the scope is disposed.
    /// </summary>
    internal Lock.Scope Hold(out VideoFrame? latest)
    {
        Lock.Scope scope = _lock.EnterScope();
        latest = _videoEnabled ? _latest : null;
        return scope;
    }

    public void Dispose()
    {
        VideoFrame? previous;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            previous = _latest;
            _latest = null;
        }
        previous?.Dispose();
        Scaler.Dispose();
    }
}
