using Appliance.Hwaccel.Codecs;

namespace Appliance.Mixing.Video.Layouts;

/// <summary>
/// A layout strategy: a pure function from a canvas size and an ordered list of tile ids to tile
/// rectangles. Every rectangle lies inside the canvas, has even coordinates and sizes (4:2:0 chroma
/// covers 2×2 pixels, so a tile then owns whole chroma samples) and no two tiles overlap.
/// </summary>
public interface ILayout
{
    LayoutKind Kind { get; }

    /// <summary>
    /// Writes one tile per id into <paramref name="tiles"/> (which must hold <c>tileIds.Length</c> entries) and returns how many
    /// it wrote. <paramref name="focusId"/> is the active speaker or the presenter's screen for layouts that have one; when it is
    /// null or not among the ids, the first id takes the focus. Allocation-free.
    /// </summary>
    int Arrange(VideoResolution canvas, ReadOnlySpan<string> tileIds, string? focusId, Span<LayoutTile> tiles);
}
