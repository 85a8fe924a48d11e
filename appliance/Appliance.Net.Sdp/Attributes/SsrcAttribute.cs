using System.Diagnostics.CodeAnalysis;

namespace Appliance.Net.Sdp.Attributes;

/// <summary>
/// "a=ssrc:&lt;ssrc-id&gt; &lt;attribute&gt;[:&lt;value&gt;]" (RFC 5576 4.1),
/// e.g. "a=ssrc:225352763 cname:LljfH+InCX0Ymrp0".
/// </summary>
public sealed record SsrcAttribute(uint Ssrc, string Attribute, string? Value)
{
    /// <summary>The "cname" source attribute (RFC 5576 6.1).</summary>
    public const string CName = "cname";

    /// <summary>Parses the attribute value (after "a=ssrc:").</summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out SsrcAttribute? ssrc, out string error)
    {
        ssrc = null;
        var parts = SdpTokens.Split(value, 2);
        if (parts.Length < 2)
        {
            error = "expected '<ssrc> <attribute>[:<value>]'";
            return false;
        }

        if (!uint.TryParse(parts[0], System.Globalization.NumberStyles.None, null, out var id))
        {
            error = "ssrc is not a 32-bit unsigned number";
            return false;
        }

        var colon = parts[1].IndexOf(':');
        var name = colon < 0 ? parts[1] : parts[1][..colon];
        if (!SdpTokens.IsToken(name))
        {
            error = "source attribute name is empty or has invalid characters";
            return false;
        }

        ssrc = new SsrcAttribute(id, name, colon < 0 ? null : parts[1][(colon + 1)..]);
        error = string.Empty;
        return true;
    }

    /// <summary>The attribute value, e.g. "225352763 cname:abc".</summary>
    public override string ToString() => Value is null ? $"{Ssrc} {Attribute}" : $"{Ssrc} {Attribute}:{Value}";
}
