using System.Diagnostics.CodeAnalysis;

namespace Appliance.Net.Sdp.Attributes;

/// <summary>
/// "a=fmtp:&lt;format&gt; &lt;format specific parameters&gt;" (RFC 8866 6.15).
/// The parameters are kept as sent; most codecs use "key=value;key=value"
/// (read them with <see cref="TryGetParameter"/>), some do not (telephone-event "0-15").
/// </summary>
public sealed record Fmtp(int PayloadType, string Parameters)
{
    /// <summary>Parses the attribute value (after "a=fmtp:").</summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out Fmtp? fmtp, out string error)
    {
        fmtp = null;
        var space = value.IndexOf(' ');
        if (space < 0)
        {
            error = "expected '<payload type> <parameters>'";
            return false;
        }

        if (!SdpTokens.TryParsePayloadType(value.AsSpan(0, space), out var pt))
        {
            error = "payload type is not a number from 0 to 127";
            return false;
        }

        var parameters = value[(space + 1)..].Trim();
        if (parameters.Length == 0)
        {
            error = "parameters are empty";
            return false;
        }

        fmtp = new Fmtp(pt, parameters);
        error = string.Empty;
        return true;
    }

    /// <summary>
    /// Finds "<paramref name="name"/>=value" among the ';'-separated parameters
    /// (names compare case-insensitively, as RFC 6184 8.1 and RFC 7587 7 say for theirs).
    /// </summary>
    public bool TryGetParameter(string name, [NotNullWhen(true)] out string? value)
    {
        foreach (var part in Parameters.Split(';'))
        {
            var eq = part.IndexOf('=');
            if (eq > 0 && part.AsSpan(0, eq).Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                value = part[(eq + 1)..].Trim();
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>The attribute value, e.g. "111 minptime=10;useinbandfec=1".</summary>
    public override string ToString() => $"{PayloadType} {Parameters}";
}
