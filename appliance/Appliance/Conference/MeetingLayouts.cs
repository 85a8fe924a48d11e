using Appliance.Mixing.Video.Layouts;

namespace Appliance.Conference;

/// <summary>The layout names of the Meeting:Layout setting and of the roster's "layout" field (PROTOCOL.md).</summary>
public static class MeetingLayouts
{
    public const string Grid = "grid";
    public const string ActiveSpeaker = "activeSpeaker";
    public const string Presenter = "presenter";

    /// <summary>The layouts Meeting:Layout may name (presenter is chosen by a screen share, not by the setting).</summary>
    public static readonly IReadOnlyList<string> Defaults = [Grid, ActiveSpeaker];

    public static string NameOf(LayoutKind kind) => kind switch
    {
        LayoutKind.ActiveSpeaker => ActiveSpeaker,
        LayoutKind.Presenter => Presenter,
        _ => Grid,
    };

    public static LayoutKind KindOf(string name) =>
        string.Equals(name, ActiveSpeaker, StringComparison.OrdinalIgnoreCase) ? LayoutKind.ActiveSpeaker : LayoutKind.Grid;
}
