using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;
using Appliance.Mixing.Video.Composition;
using Appliance.Mixing.Video.Layouts;

namespace Appliance.LoadTool.Markers;

/// <summary>
/// Reads, from each tile of a mixed picture, which input frame it shows. The tiles are where the compositor puts
/// them: the automatic grid (<see cref="GridLayout"/>, the compositor's default gap) with every camera cropped to its
/// tile (<see cref="TileFit"/>, <see cref="AspectMode.Crop"/>), exactly as the box computes them. The receiver does not
/// know how many tiles the picture has (participants join one after another), so it tries the last count that
/// worked, then every count up to the largest meeting, and keeps the one under which most tiles read.
/// Not thread-safe: one reader per receiver.
/// </summary>
public sealed class MixedFrameReader
{
    private readonly GridLayout _grid = new();
    private readonly int _maxTiles;
    private readonly Dictionary<(int Width, int Height, int Count), (PixelRect Crop, PixelRect Destination)[]> _fits = [];
    private readonly string[] _ids;
    private readonly LayoutTile[] _tiles;
    private int _lastCount;

    public MixedFrameReader(int maxTiles)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTiles, 1);
        _maxTiles = maxTiles;
        _ids = Enumerable.Range(0, maxTiles).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        _tiles = new LayoutTile[maxTiles];
    }

    /// <summary>Tile count under which the last picture read best (0 before any).</summary>
    public int LastTileCount => _lastCount;

    /// <summary>
    /// Reads every tile's marker into <paramref name="found"/> (at least <c>maxTiles</c> long). Returns how many tiles
    /// read; <paramref name="tileCount"/> is the grid size that was used.
    /// </summary>
    public int Read(VideoFrame canvas, Span<MarkerValue> found, out int tileCount)
    {
        tileCount = _lastCount;
        if (_lastCount > 0)
        {
            int read = ReadTiles(canvas, _lastCount, found);
            if (read == _lastCount)
                return read;
        }
        int bestCount = 0, bestRead = 0;
        Span<MarkerValue> scratch = stackalloc MarkerValue[_maxTiles];
        for (int count = 1; count <= _maxTiles; count++)
        {
            int read = ReadTiles(canvas, count, scratch);
            if (read > bestRead)
            {
                bestRead = read;
                bestCount = count;
                scratch[..read].CopyTo(found);
            }
        }
        if (bestRead > 0)
            _lastCount = bestCount;
        tileCount = bestCount;
        return bestRead;
    }

    private int ReadTiles(VideoFrame canvas, int count, Span<MarkerValue> found)
    {
        int read = 0;
        foreach (var (crop, destination) in Fits(canvas.Width, canvas.Height, count))
        {
            if (FrameMarker.TryRead(canvas, crop, destination, out MarkerValue value))
                found[read++] = value;
        }
        return read;
    }

    private (PixelRect Crop, PixelRect Destination)[] Fits(int width, int height, int count)
    {
        if (_fits.TryGetValue((width, height, count), out var fits))
            return fits;
        int tiles = _grid.Arrange(new VideoResolution(width, height), _ids.AsSpan(0, count), null, _tiles);
        fits = new (PixelRect, PixelRect)[tiles];
        for (int i = 0; i < tiles; i++)
        {
            TileFit fit = TileFit.Compute(FrameMarker.SourceWidth, FrameMarker.SourceHeight, _tiles[i].Rect, AspectMode.Crop);
            fits[i] = (fit.SourceCrop, fit.Destination);
        }
        _fits[(width, height, count)] = fits;
        return fits;
    }
}
