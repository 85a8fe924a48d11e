using System.Diagnostics.CodeAnalysis;

namespace Appliance.Net.Sdp.Attributes;

/// <summary>
/// "a=extmap:&lt;value&gt;[/&lt;direction&gt;] &lt;URI&gt; [&lt;extensionattributes&gt;]" (RFC 8285 8),
/// e.g. "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid".
/// </summary>
/// <param name="Id">The local identifier: 1-14 for one-byte headers, 1-255 for two-byte headers (RFC 8285 5).</param>
/// <param name="Direction">The optional direction after '/', e.g. Firefox's "2/recvonly".</param>
public sealed record ExtMap(int Id, string Uri, MediaDirection? Direction = null, string? ExtensionAttributes = null)
{
    /// <summary>Parses the attribute value (after "a=extmap:").</summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out ExtMap? extMap, out string error)
    {
        extMap = null;
        var parts = SdpTokens.Split(value, 3);
        if (parts.Length < 2)
        {
            error = "expected '<id>[/<direction>] <uri>'";
            return false;
        }

        var idText = parts[0];
        MediaDirection? direction = null;
        var slash = idText.IndexOf('/');
        if (slash >= 0)
        {
            if (!MediaDirectionNames.TryParse(idText[(slash + 1)..], out var d))
            {
                error = "direction after '/' is not sendrecv, sendonly, recvonly or inactive";
                return false;
            }

            direction = d;
            idText = idText[..slash];
        }

        // RFC 8285 section 5: "The value 15 is reserved"; two-byte headers allow 1-255.
        if (!int.TryParse(idText, System.Globalization.NumberStyles.None, null, out var id) || id is < 1 or > 255 || id == 15)
        {
            error = "id is not a number from 1 to 255 (15 is reserved)";
            return false;
        }

        extMap = new ExtMap(id, parts[1], direction, parts.Length == 3 ? parts[2] : null);
        error = string.Empty;
        return true;
    }

    /// <summary>The attribute value, e.g. "2/recvonly urn:ietf:params:rtp-hdrext:csrc-audio-level".</summary>
    public override string ToString()
    {
        var id = Direction is { } d ? $"{Id}/{d.ToSdpName()}" : Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ExtensionAttributes is null ? $"{id} {Uri}" : $"{id} {Uri} {ExtensionAttributes}";
    }
}
