namespace Appliance.Hwaccel.Codecs;

/// <summary>A picture size in pixels.</summary>
public readonly record struct VideoResolution(int Width, int Height)
{
    public override string ToString() => $"{Width}x{Height}";
}
