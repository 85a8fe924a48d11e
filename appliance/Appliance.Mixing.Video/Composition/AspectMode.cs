namespace Appliance.Mixing.Video.Composition;

/// <summary>How a picture whose aspect ratio differs from its tile's is fitted into the tile.</summary>
public enum AspectMode
{
    /// <summary>Fill the tile, cutting the picture's edges (cameras: no bars, faces stay large).</summary>
    Crop,

    /// <summary>Keep the whole picture, with bars above and below or left and right (shared screens: nothing cut).</summary>
    Letterbox,
}
