using System.Diagnostics.CodeAnalysis;

namespace Appliance.Net.Sdp.Attributes;

/// <summary>
/// "a=rtpmap:&lt;payload type&gt; &lt;encoding name&gt;/&lt;clock rate&gt;[/&lt;encoding parameters&gt;]"
/// (RFC 8866 6.6). For audio the encoding parameter is the channel count.
/// </summary>
public sealed record RtpMap(int PayloadType, string EncodingName, int ClockRate, int? Channels = null)
{
    /// <summary>Parses the attribute value (after "a=rtpmap:").</summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out RtpMap? rtpMap, out string error)
    {
        rtpMap = null;
        var space = value.IndexOf(' ');
        if (space < 0)
        {
            error = "expected '<payload type> <encoding>/<clock rate>'";
            return false;
        }

        if (!SdpTokens.TryParsePayloadType(value.AsSpan(0, space), out var pt))
        {
            error = "payload type is not a number from 0 to 127";
            return false;
        }

        var parts = value[(space + 1)..].Trim().Split('/');
        if (parts.Length is < 2 or > 3 || !SdpTokens.IsToken(parts[0]))
        {
            error = "expected '<encoding>/<clock rate>[/<channels>]'";
            return false;
        }

        if (!int.TryParse(parts[1], System.Globalization.NumberStyles.None, null, out var clock) || clock == 0)
        {
            error = "clock rate is not a positive number";
            return false;
        }

        int? channels = null;
        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2], System.Globalization.NumberStyles.None, null, out var c) || c == 0)
            {
                error = "channel count is not a positive number";
                return false;
            }

            channels = c;
        }

        rtpMap = new RtpMap(pt, parts[0], clock, channels);
        error = string.Empty;
        return true;
    }

    /// <summary>True when this maps the named codec (case-insensitive, RFC 8866 6.6) at the given clock rate.</summary>
    public bool Is(string encodingName, int clockRate) =>
        string.Equals(EncodingName, encodingName, StringComparison.OrdinalIgnoreCase) && ClockRate == clockRate;

    /// <summary>The attribute value, e.g. "111 opus/48000/2".</summary>
    public override string ToString() =>
        Channels is { } c ? $"{PayloadType} {EncodingName}/{ClockRate}/{c}" : $"{PayloadType} {EncodingName}/{ClockRate}";
}
