using Appliance.Hwaccel.Composition;
using Appliance.Hwaccel.Frames;
using Appliance.Mixing.Video.Layouts;

namespace Appliance.Mixing.Video.Composition;

/// <summary>The composed picture's size, format and colours (BT.601 limited range, as the encoders carry).</summary>
public sealed record CompositorOptions
{
    public int Width { get; init; } = 1280;

    public int Height { get; init; } = 720;

    /// <summary>I420 for the software encoders; NV12 for most hardware encoders.</summary>
    public VideoPixelFormat PixelFormat { get; init; } = VideoPixelFormat.I420;

    public LayoutKind Layout { get; init; } = LayoutKind.Grid;

    /// <summary>How camera pictures fit their tiles unless a slot says otherwise.</summary>
    public AspectMode DefaultAspectMode { get; init; } = AspectMode.Crop;

    /// <summary>Behind and between the tiles.</summary>
    public YuvColor Background { get; init; } = YuvColor.Black;

    /// <summary>The bars of a letterboxed picture.</summary>
    public YuvColor LetterboxBars { get; init; } = YuvColor.Black;

    /// <summary>A tile without video: the display name large on this dark colour.</summary>
    public YuvColor Placeholder { get; init; } = YuvColor.FromRgb(44, 48, 60);

    public YuvColor PlaceholderText { get; init; } = YuvColor.White;

    /// <summary>Whether each tile carries its participant's name in a label at the bottom left.</summary>
    public bool ShowNameLabels { get; init; } = true;

    public YuvColor LabelText { get; init; } = YuvColor.White;

    public YuvColor LabelBackground { get; init; } = YuvColor.FromRgb(24, 24, 24);
}
