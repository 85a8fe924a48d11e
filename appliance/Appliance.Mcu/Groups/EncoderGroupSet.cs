using Microsoft.Extensions.Logging;
using Appliance.Hwaccel.Frames;

namespace Appliance.Mcu;

/// <summary>
/// A room's encoder groups, keyed by <see cref="EncoderGroupKey"/> (codec × resolution × bitrate tier, and the
/// canvas): receivers of the same key share one group; a receiver whose key changes (a new bitrate tier, the
/// room switching canvas mode) moves to the group of its new key, which gives it a key frame before anything
/// else (<see cref="EncoderGroup.Add"/>); a group left empty is disposed at once.
/// <para>
/// <see cref="Encode"/> runs on the media clock's thread and composes each distinct canvas once per tick;
/// assignment runs on control paths. One lock serialises them, so a group is never disposed while it encodes.
/// </para>
/// </summary>
public sealed class EncoderGroupSet : IDisposable
{
    /// <summary>Composes the canvas that hides <c>hiddenTileId</c> (null: the shared canvas); the caller disposes it.</summary>
    public delegate VideoFrame CanvasSource(string? hiddenTileId, uint timestamp90k);

    private readonly Func<EncoderGroupKey, EncoderGroup> _open;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<EncoderGroupKey, EncoderGroup> _groups = [];
    private readonly Dictionary<IEncodedVideoReceiver, EncoderGroupKey> _assignments = new(ReferenceEqualityComparer.Instance);
    private (EncoderGroupKey Key, EncoderGroup Group)[] _ordered = [];
    private bool _disposed;

    /// <param name="open">Opens the group (and its encoder) for a key no group has yet.</param>
    public EncoderGroupSet(Func<EncoderGroupKey, EncoderGroup> open, ILogger logger)
    {
        _open = open;
        _logger = logger;
    }

    /// <summary>The groups now (a copy, for the control path and tests).</summary>
    public IReadOnlyCollection<EncoderGroup> Groups
    {
        get
        {
            lock (_gate)
                return [.. _groups.Values];
        }
    }

    /// <summary>The group a receiver is in, or null.</summary>
    public EncoderGroup? GroupOf(IEncodedVideoReceiver receiver)
    {
        lock (_gate)
            return _assignments.TryGetValue(receiver, out var key) ? _groups[key] : null;
    }

    /// <summary>
    /// Puts <paramref name="receiver"/> in the group of <paramref name="key"/> (opening it if needed), leaving its
    /// previous group (disposed if now empty). Nothing happens when it is there already. Returns its group.
    /// </summary>
    public EncoderGroup Assign(IEncodedVideoReceiver receiver, EncoderGroupKey key)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_assignments.TryGetValue(receiver, out var current))
            {
                if (current == key)
                    return _groups[key];
                Leave(receiver, current);
            }
            if (!_groups.TryGetValue(key, out var group))
            {
                group = _open(key);
                _groups[key] = group;
                _logger.LogInformation("Encoder group {Key} opened ({Count} groups)", key, _groups.Count);
                Reorder();
            }
            group.Add(receiver);
            _assignments[receiver] = key;
            return group;
        }
    }

    /// <summary>Takes a receiver out of its group (disposed if now empty). False when it was in none.</summary>
    public bool Remove(IEncodedVideoReceiver receiver)
    {
        lock (_gate)
        {
            if (!_assignments.TryGetValue(receiver, out var key))
                return false;
            Leave(receiver, key);
            return true;
        }
    }

    /// <summary>
    /// One tick: every group encodes its canvas, each distinct canvas composed once (groups of one canvas are
    /// encoded one after another). Allocation-free in steady state.
    /// </summary>
    public void Encode(CanvasSource compose, uint timestamp90k)
    {
        lock (_gate)
        {
            VideoFrame? canvas = null;
            string? canvasHides = null;
            try
            {
                foreach (var (key, group) in _ordered)
                {
                    if (canvas is null || !string.Equals(canvasHides, key.HiddenTileId, StringComparison.Ordinal))
                    {
                        canvas?.Dispose();
                        canvas = null;
                        canvas = compose(key.HiddenTileId, timestamp90k);
                        canvasHides = key.HiddenTileId;
                    }
                    group.Encode(canvas, timestamp90k);
                }
            }
            finally
            {
                canvas?.Dispose();
            }
        }
    }

    private void Leave(IEncodedVideoReceiver receiver, EncoderGroupKey key)
    {
        _assignments.Remove(receiver);
        var group = _groups[key];
        if (!group.Remove(receiver))
            return;
        _groups.Remove(key);
        Reorder();
        group.Dispose();
        _logger.LogInformation("Encoder group {Key} closed: no receivers left ({Count} groups)", key, _groups.Count);
    }

    // Groups of the same canvas next to each other, so each canvas is composed once per tick.
    private void Reorder() =>
        _ordered = [.. _groups.Select(g => (g.Key, g.Value)).OrderBy(g => g.Key.HiddenTileId ?? "", StringComparer.Ordinal)];

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var group in _groups.Values)
                group.Dispose();
            _groups.Clear();
            _assignments.Clear();
            _ordered = [];
        }
    }
}
