using Appliance.Hwaccel.Codecs;

namespace Appliance.Mixing.Video.Layouts;

/// <summary>Picks the layout strategy for a <see cref="LayoutKind"/>; the strategies are stateless and shared.</summary>
public static class LayoutEngine
{
    private static readonly GridLayout Grid = new();
    private static readonly ActiveSpeakerLayout ActiveSpeaker = new();
    private static readonly PresenterLayout Presenter = new();

    public static ILayout For(LayoutKind kind) => kind switch
    {
        LayoutKind.Grid => Grid,
        LayoutKind.ActiveSpeaker => ActiveSpeaker,
        LayoutKind.Presenter => Presenter,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown layout"),
    };

    /// <summary>Convenience for the control path and tests: arranges into a new array.</summary>
    public static LayoutTile[] Arrange(LayoutKind kind, VideoResolution canvas, IReadOnlyList<string> tileIds, string? focusId = null)
    {
        string[] ids = [.. tileIds];
        var tiles = new LayoutTile[ids.Length];
        int count = For(kind).Arrange(canvas, ids, focusId, tiles);
        return tiles[..count];
    }
}
