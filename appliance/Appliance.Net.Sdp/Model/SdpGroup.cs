namespace Appliance.Net.Sdp.Model;

/// <summary>
/// "a=group:&lt;semantics&gt; &lt;identification-tag&gt; ..." (RFC 5888 5), e.g. "a=group:BUNDLE 0 1 2".
/// </summary>
public sealed record SdpGroup(string Semantics, IReadOnlyList<string> Mids)
{
    /// <summary>The BUNDLE semantics (RFC 8843 7.1).</summary>
    public const string Bundle = "BUNDLE";

    /// <inheritdoc/>
    public bool Equals(SdpGroup? other) =>
        other is not null && Semantics == other.Semantics && Mids.SequenceEqual(other.Mids);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Semantics, Mids.Count);
}
