namespace Appliance.Mcu.RateAdaptation;

/// <summary>
/// How much a participant's camera needs to send the box: as much as the largest tile it fills needs, which
/// is that tile's share of the canvas's pixels times the canvas's bitrate, with headroom (the camera is
/// decoded and scaled again, so it should be somewhat better than the tile it becomes), between a floor (a
/// tiny tile still needs a watchable picture) and a ceiling. The box tells each browser with REMB; a tile
/// in a 3x3 grid of a 1280x720, 1.5 Mbit/s canvas needs about 250 kbit/s, not 1.5 Mbit/s. Pure.
/// </summary>
public static class TileBitratePolicy
{
    /// <summary>The camera's picture is decoded and scaled once more: half as much again as its share.</summary>
    public const double Headroom = 1.5;

    /// <summary>The least asked of any camera, bits per second.</summary>
    public const ulong Floor = 150_000;

    /// <summary>
    /// The bitrate for a camera shown at <paramref name="tileWidth"/> x <paramref name="tileHeight"/> in a canvas of
    /// <paramref name="canvasWidth"/> x <paramref name="canvasHeight"/> encoded at <paramref name="canvasBitrate"/>,
    /// at most <paramref name="ceiling"/>. A camera in no tile (not shown) gets the floor.
    /// </summary>
    public static ulong ForTile(int tileWidth, int tileHeight, int canvasWidth, int canvasHeight, long canvasBitrate, ulong ceiling)
    {
        if (tileWidth <= 0 || tileHeight <= 0 || canvasWidth <= 0 || canvasHeight <= 0)
            return Math.Min(Floor, ceiling);
        var share = Math.Min(1.0, (double)tileWidth * tileHeight / ((double)canvasWidth * canvasHeight));
        var wanted = (ulong)(share * canvasBitrate * Headroom);
        return Math.Min(Math.Max(wanted, Floor), ceiling);
    }
}
