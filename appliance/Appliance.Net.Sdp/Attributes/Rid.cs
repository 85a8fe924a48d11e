using System.Diagnostics.CodeAnalysis;

namespace Appliance.Net.Sdp.Attributes;

/// <summary>
/// "a=rid:&lt;rid-id&gt; &lt;direction&gt; [&lt;rid-params&gt;]" (RFC 8851 4), e.g. "a=rid:q send".
/// Parsed so simulcast offers round-trip; the box does not answer simulcast.
/// </summary>
/// <param name="Direction">"send" or "recv".</param>
public sealed record Rid(string Id, string Direction, string? Parameters = null)
{
    /// <summary>Parses the attribute value (after "a=rid:").</summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out Rid? rid, out string error)
    {
        rid = null;
        var parts = SdpTokens.Split(value, 3);
        if (parts.Length < 2 || parts[1] is not ("send" or "recv"))
        {
            error = "expected '<rid-id> send|recv [<params>]'";
            return false;
        }

        rid = new Rid(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
        error = string.Empty;
        return true;
    }

    /// <summary>The attribute value.</summary>
    public override string ToString() => Parameters is null ? $"{Id} {Direction}" : $"{Id} {Direction} {Parameters}";
}
