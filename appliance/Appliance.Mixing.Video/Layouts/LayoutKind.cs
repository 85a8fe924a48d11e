namespace Appliance.Mixing.Video.Layouts;

/// <summary>How the composed picture arranges the participants' tiles.</summary>
public enum LayoutKind
{
    /// <summary>Every tile the same size in an automatic grid (1, 2 side by side, 2×2, 3×3, ...).</summary>
    Grid,

    /// <summary>The current speaker large, everyone else in a strip along the bottom.</summary>
    ActiveSpeaker,

    /// <summary>The shared screen large, the participants in a column on the right.</summary>
    Presenter,
}
