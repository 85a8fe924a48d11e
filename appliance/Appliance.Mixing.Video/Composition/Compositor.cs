using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;
using Appliance.Mixing.Video.Layouts;
using Microsoft.Extensions.Logging;

namespace Appliance.Mixing.Video.Composition;

/// <summary>
/// Composes the participants' latest pictures into one canvas per tick of the room's media clock, laid out by a
/// <see cref="ILayout"/>. Each participant (or shared screen) has a <see cref="ParticipantVideoSlot"/> that decoders submit
/// frames to; <see cref="Compose"/> rents a canvas from the pool, paints the background, every tile (the picture, or the
/// name placeholder without video) and the name labels, and hands the canvas to the caller (the encoder group), who disposes it.
/// Steady-state composition allocates nothing. Slots may be fed from any thread; the control methods and
/// <see cref="Compose"/> are serialised by one lock.
/// </summary>
public sealed class Compositor : IDisposable
{
    private readonly CompositorOptions _options;
    private readonly VideoFramePool _pool;
    private readonly ILogger<Compositor> _logger;
    private readonly TilePainter _painter;
    private readonly Lock _state = new();
    private readonly List<ParticipantVideoSlot> _slots = [];
    private readonly Dictionary<string, ParticipantVideoSlot> _slotsById = new(StringComparer.Ordinal);
    private string[] _ids = new string[16];
    private LayoutTile[] _tiles = new LayoutTile[16];
    private int _tileCount;
    private readonly Dictionary<string, (LayoutTile[] Tiles, int Count)> _hiddenLayouts = new(StringComparer.Ordinal);
    private bool _layoutStale = true;
    private LayoutKind _layout;
    private string? _focusId;
    private long _scaleFailures;
    private bool _disposed;

    public Compositor(CompositorOptions options, VideoFramePool pool, ILogger<Compositor> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Width, 2, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Height, 2, nameof(options));
        _options = options;
        _pool = pool;
        _logger = logger;
        _painter = new TilePainter(options, pool);
        _layout = options.Layout;
        Canvas = new VideoResolution(options.Width & ~1, options.Height & ~1);
    }

    public VideoResolution Canvas { get; }

    public VideoPixelFormat PixelFormat => _options.PixelFormat;

    /// <summary>The arrangement of the tiles; a change takes effect at the next <see cref="Compose"/>.</summary>
    public LayoutKind Layout
    {
        get => _layout;
        set
        {
            lock (_state)
            {
                _layoutStale |= _layout != value;
                _layout = value;
            }
        }
    }

    /// <summary>The active speaker (<see cref="LayoutKind.ActiveSpeaker"/>) or shared screen (<see cref="LayoutKind.Presenter"/>) tile id.</summary>
    public string? FocusId
    {
        get => _focusId;
        set
        {
            lock (_state)
            {
                _layoutStale |= !string.Equals(_focusId, value, StringComparison.Ordinal);
                _focusId = value;
            }
        }
    }

    /// <summary>Number of tiles (participants and shared screens).</summary>
    public int TileCount
    {
        get
        {
            lock (_state)
            {
                return _slots.Count;
            }
        }
    }

    /// <summary>
    /// Adds a tile, last in the layout's order. <paramref name="aspectMode"/> defaults to <see cref="CompositorOptions.DefaultAspectMode"/>
    /// (use <see cref="AspectMode.Letterbox"/> for a shared screen). Throws if the id is already present.
    /// </summary>
    public ParticipantVideoSlot AddParticipant(string id, string displayName, AspectMode? aspectMode = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        lock (_state)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var slot = new ParticipantVideoSlot(id, displayName ?? string.Empty, aspectMode ?? _options.DefaultAspectMode);
            if (!_slotsById.TryAdd(id, slot))
            {
                slot.Dispose();
                throw new ArgumentException($"tile {id} is already in the compositor", nameof(id));
            }
            _slots.Add(slot);
            if (_ids.Length < _slots.Count)
            {
                Array.Resize(ref _ids, _ids.Length * 2);
                Array.Resize(ref _tiles, _tiles.Length * 2);
            }
            _layoutStale = true;
            CompositorLog.TileAdded(_logger, Canvas, id, _slots.Count);
            return slot;
        }
    }

    /// <summary>Removes a tile and returns its frame to the pool. False when the id is unknown.</summary>
    public bool RemoveParticipant(string id)
    {
        lock (_state)
        {
            if (!_slotsById.Remove(id, out ParticipantVideoSlot? slot))
            {
                return false;
            }
            _slots.Remove(slot);
            slot.Dispose();
            _layoutStale = true;
            CompositorLog.TileRemoved(_logger, Canvas, id, _slots.Count);
            return true;
        }
    }

    public bool TryGetParticipant(string id, out ParticipantVideoSlot? slot)
    {
        lock (_state)
        {
            return _slotsById.TryGetValue(id, out slot);
        }
    }

    /// <summary>
    /// The tiles as <see cref="Compose"/> lays them out (a copy, for the control path and tests); with
    /// <paramref name="hiddenId"/>, the layout of the personal canvas that leaves that tile out.
    /// </summary>
    public LayoutTile[] CurrentTiles(string? hiddenId = null)
    {
        lock (_state)
        {
            return TilesFor(hiddenId).ToArray();
        }
    }

    /// <summary>
    /// Composes one picture with presentation time <paramref name="timestamp"/> (90 kHz). The returned canvas is the caller's:
    /// encode it, then dispose it. With <paramref name="hiddenId"/>, a personal canvas: that tile is left out and the others
    /// laid out without it (so its owner does not see themselves).
    /// </summary>
    public VideoFrame Compose(long timestamp, string? hiddenId = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        VideoFrame canvas = _pool.Rent(_options.PixelFormat, Canvas.Width, Canvas.Height);
        canvas.Timestamp = timestamp;
        FrameFill.Clear(canvas, _options.Background);
        lock (_state)
        {
            ReadOnlySpan<LayoutTile> tiles = TilesFor(hiddenId);
            for (int i = 0; i < tiles.Length; i++)
            {
                LayoutTile tile = tiles[i];
                if (tile.Rect.IsEmpty || !_slotsById.TryGetValue(tile.Id, out ParticipantVideoSlot? slot))
                {
                    continue;
                }
                PaintTile(canvas, tile.Rect, slot);
            }
        }
        return canvas;
    }

    private void PaintTile(VideoFrame canvas, PixelRect rect, ParticipantVideoSlot slot)
    {
        string name = slot.DisplayName;
        using (slot.Hold(out VideoFrame? picture))
        {
            bool drawn = picture is not null && _painter.PaintPicture(canvas, rect, picture, slot.Scaler, slot.AspectMode);
            if (picture is not null && !drawn)
            {
                long failures = ++_scaleFailures;
                if (failures == 1 || failures % 1000 == 0)
                {
                    CompositorLog.ScaleFailed(_logger, slot.Id, failures);
                }
            }
            if (!drawn)
            {
                _painter.PaintPlaceholder(canvas, rect, name);
            }
        }
        _painter.PaintLabel(canvas, rect, name);
    }

    /// <summary>The layout of the shared canvas, or of the personal canvas without <paramref name="hiddenId"/> (cached until the next relayout).</summary>
    private ReadOnlySpan<LayoutTile> TilesFor(string? hiddenId)
    {
        Relayout();
        if (hiddenId is null || !_slotsById.ContainsKey(hiddenId))
        {
            return _tiles.AsSpan(0, _tileCount);
        }
        if (!_hiddenLayouts.TryGetValue(hiddenId, out (LayoutTile[] Tiles, int Count) layout))
        {
            layout = ArrangeWithout(hiddenId);
            _hiddenLayouts[hiddenId] = layout;
        }
        return layout.Tiles.AsSpan(0, layout.Count);
    }

    // Apart from TilesFor: its lambdas would make every call allocate a closure, not only the first of a layout.
    private (LayoutTile[] Tiles, int Count) ArrangeWithout(string hiddenId)
    {
        string[] ids = [.. _slots.Select(slot => slot.Id).Where(id => !string.Equals(id, hiddenId, StringComparison.Ordinal))];
        var tiles = new LayoutTile[ids.Length];
        string? focus = string.Equals(_focusId, hiddenId, StringComparison.Ordinal) ? null : _focusId;
        return (tiles, LayoutEngine.For(_layout).Arrange(Canvas, ids, focus, tiles));
    }

    private void Relayout()
    {
        if (!_layoutStale)
        {
            return;
        }
        _hiddenLayouts.Clear();
        for (int i = 0; i < _slots.Count; i++)
        {
            _ids[i] = _slots[i].Id;
        }
        _tileCount = LayoutEngine.For(_layout).Arrange(Canvas, _ids.AsSpan(0, _slots.Count), _focusId, _tiles);
        _layoutStale = false;
        CompositorLog.Relayout(_logger, Canvas, _tileCount, _layout, _focusId);
    }

    /// <summary>Removes every tile, returning their frames to the pool.</summary>
    public void Dispose()
    {
        lock (_state)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            foreach (ParticipantVideoSlot slot in _slots)
            {
                slot.Dispose();
            }
            _slots.Clear();
            _slotsById.Clear();
        }
    }
}
