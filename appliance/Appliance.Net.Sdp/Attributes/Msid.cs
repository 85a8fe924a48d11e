using System.Diagnostics.CodeAnalysis;

namespace Appliance.Net.Sdp.Attributes;

/// <summary>
/// "a=msid:&lt;stream id&gt; [&lt;track id&gt;]" (RFC 8830 2): the MediaStream id and the track id.
/// </summary>
public sealed record Msid(string StreamId, string? TrackId)
{
    /// <summary>Parses the attribute value (after "a=msid:").</summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out Msid? msid, out string error)
    {
        msid = null;
        var parts = SdpTokens.Split(value);
        if (parts.Length is < 1 or > 2)
        {
            error = "expected '<stream id> [<track id>]'";
            return false;
        }

        msid = new Msid(parts[0], parts.Length == 2 ? parts[1] : null);
        error = string.Empty;
        return true;
    }

    /// <summary>The attribute value.</summary>
    public override string ToString() => TrackId is null ? StreamId : $"{StreamId} {TrackId}";
}
