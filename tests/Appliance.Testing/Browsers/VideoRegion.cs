namespace Appliance.Testing.Browsers;

/// <summary>A rectangle of a video picture in fractions of its width and height (0..1).</summary>
public readonly record struct VideoRegion(double Left, double Top, double Width, double Height)
{
    public static readonly VideoRegion Whole = new(0, 0, 1, 1);

    /// <summary>The part of a fake camera picture the moving marker never enters (see Y4mWriter).</summary>
    public static readonly VideoRegion AboveMarker = new(0, 0, 1, 0.75);
}
