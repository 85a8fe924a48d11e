namespace Appliance.Mcu;

/// <summary>
/// What makes two receivers share an encoder: the same <see cref="OutputProfile"/> of the same canvas. The
/// shared canvas has no <see cref="HiddenTileId"/>; a personal canvas (nobody sees themselves) hides its
/// owner's tile, so it is encoded for its owner alone.
/// </summary>
public sealed record EncoderGroupKey(OutputProfile Profile, string? HiddenTileId = null)
{
    public override string ToString() => HiddenTileId is null ? Profile.ToString() : $"{Profile} without {HiddenTileId}";
}
