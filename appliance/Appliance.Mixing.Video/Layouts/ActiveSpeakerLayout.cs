using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Composition;

namespace Appliance.Mixing.Video.Layouts;

/// <summary>
/// The active speaker large across the top; everyone else in a strip of equal thumbnails (canvas aspect) along the
/// bottom, in id order, shrinking as the meeting grows. Alone, the speaker fills the canvas.
/// </summary>
public sealed class ActiveSpeakerLayout : ILayout
{
    /// <param name="stripFraction">Share of the canvas height the thumbnail strip takes (0.1 to 0.5).</param>
    /// <param name="gap">Pixels around and between the thumbnails (even).</param>
    public ActiveSpeakerLayout(double stripFraction = 0.2, int gap = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stripFraction, 0.1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stripFraction, 0.5);
        ArgumentOutOfRangeException.ThrowIfNegative(gap);
        StripFraction = stripFraction;
        Gap = LayoutGeometry.EvenDown(gap);
    }

    public LayoutKind Kind => LayoutKind.ActiveSpeaker;

    public double StripFraction { get; }

    public int Gap { get; }

    public int Arrange(VideoResolution canvas, ReadOnlySpan<string> tileIds, string? focusId, Span<LayoutTile> tiles)
    {
        LayoutGeometry.CheckCanvas(canvas);
        if (tileIds.IsEmpty)
        {
            return 0;
        }
        int speaker = LayoutGeometry.FocusIndex(tileIds, focusId);
        if (tileIds.Length == 1)
        {
            tiles[0] = new LayoutTile(tileIds[0], new PixelRect(0, 0, LayoutGeometry.EvenDown(canvas.Width), LayoutGeometry.EvenDown(canvas.Height)));
            return 1;
        }
        int stripHeight = LayoutGeometry.EvenDown((int)(canvas.Height * StripFraction));
        int mainHeight = LayoutGeometry.EvenDown(canvas.Height - stripHeight);
        tiles[0] = new LayoutTile(tileIds[speaker], new PixelRect(0, 0, LayoutGeometry.EvenDown(canvas.Width), mainHeight));
        var strip = new PixelRect(0, mainHeight, canvas.Width, canvas.Height - mainHeight);
        return 1 + LayoutGeometry.Strip(tileIds, speaker, strip, horizontal: true, Gap, canvas, tiles[1..]);
    }
}
