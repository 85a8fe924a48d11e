namespace Appliance.Mixing.Video.Layouts;

/// <summary>
/// The shared screen (the focus tile) large on the left; the participants in a column of thumbnails on the right.
/// </summary>
/// <param name="columnFraction">Share of the canvas width the participant column takes (0.1 to 0.5).</param>
/// <param name="gap">Pixels around and between the thumbnails (even).</param>
public sealed class PresenterLayout(double columnFraction = 0.2, int gap = 4)
    : FocusStripLayout(columnFraction, gap, stripAlongBottom: false)
{
    public override LayoutKind Kind => LayoutKind.Presenter;
}
