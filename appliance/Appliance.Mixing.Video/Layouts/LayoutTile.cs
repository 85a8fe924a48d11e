using Appliance.Hwaccel.Composition;

namespace Appliance.Mixing.Video.Layouts;

/// <summary>One tile of a layout: whose picture goes where on the canvas.</summary>
public readonly record struct LayoutTile(string Id, PixelRect Rect);
