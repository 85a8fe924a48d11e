using System.Diagnostics.CodeAnalysis;

namespace Appliance.Net.Sdp.Attributes;

/// <summary>
/// "a=ssrc-group:&lt;semantics&gt; &lt;ssrc-id&gt; ..." (RFC 5576 4.2),
/// e.g. "a=ssrc-group:FID 3668823307 1788027248": the second SSRC carries RTX for the first (RFC 4588 8.1).
/// </summary>
public sealed record SsrcGroup(string Semantics, IReadOnlyList<uint> Ssrcs)
{
    /// <summary>Flow identification: primary SSRC then its retransmission SSRC (RFC 5888 / RFC 4588 8.1).</summary>
    public const string Fid = "FID";

    /// <summary>Parses the attribute value (after "a=ssrc-group:").</summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out SsrcGroup? group, out string error)
    {
        group = null;
        var parts = SdpTokens.Split(value);
        if (parts.Length < 2 || !SdpTokens.IsToken(parts[0]))
        {
            error = "expected '<semantics> <ssrc> ...'";
            return false;
        }

        var ssrcs = new uint[parts.Length - 1];
        for (var i = 1; i < parts.Length; i++)
        {
            if (!uint.TryParse(parts[i], System.Globalization.NumberStyles.None, null, out ssrcs[i - 1]))
            {
                error = $"'{parts[i]}' is not a 32-bit unsigned ssrc";
                return false;
            }
        }

        group = new SsrcGroup(parts[0], ssrcs);
        error = string.Empty;
        return true;
    }

    /// <inheritdoc/>
    public bool Equals(SsrcGroup? other) =>
        other is not null && Semantics == other.Semantics && Ssrcs.SequenceEqual(other.Ssrcs);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Semantics, Ssrcs.Count);

    /// <summary>The attribute value, e.g. "FID 1 2".</summary>
    public override string ToString() => $"{Semantics} {string.Join(' ', Ssrcs)}";
}
