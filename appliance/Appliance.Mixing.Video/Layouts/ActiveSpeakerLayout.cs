namespace Appliance.Mixing.Video.Layouts;

/// <summary>
/// The active speaker (the focus tile) large across the top; everyone else in a strip of thumbnails along the bottom.
/// </summary>
/// <param name="stripFraction">Share of the canvas height the thumbnail strip takes (0.1 to 0.5).</param>
/// <param name="gap">Pixels around and between the thumbnails (even).</param>
public sealed class ActiveSpeakerLayout(double stripFraction = 0.2, int gap = 4)
    : FocusStripLayout(stripFraction, gap, stripAlongBottom: true)
{
    public override LayoutKind Kind => LayoutKind.ActiveSpeaker;
}
