using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Appliance.Net.Sdp.Attributes;
using Appliance.Net.Sdp.Model;

namespace Appliance.Net.Sdp.Parsing;

/// <summary>
/// Reads a session description (RFC 8866) as browsers write it.
/// Input is treated as hostile: any malformed line gives an <see cref="SdpParseError"/> naming it;
/// nothing here throws on bad input. Unknown lines and attributes are kept.
/// </summary>
/// <remarks>
/// RFC 8866 section 5: "An SDP description is denoted by the media type application/sdp ...
/// consists of a number of lines of text of the form: &lt;type&gt;=&lt;value&gt;
/// where &lt;type&gt; MUST be exactly one case-significant character and &lt;value&gt; is structured text".
/// Lines end with CRLF, but RFC 8866 5 says parsers SHOULD also accept a bare LF.
/// </remarks>
public static class SdpParser
{
    /// <summary>Descriptions larger than this are refused (a browser offer is about 10 KB).</summary>
    public const int MaxLength = 256 * 1024;

    /// <summary>Parses <paramref name="text"/>; never throws.</summary>
    public static SdpParseResult Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return SdpParseResult.Failure(new SdpParseError(0, string.Empty, "the description is empty"));
        }

        if (text.Length > MaxLength)
        {
            return SdpParseResult.Failure(new SdpParseError(0, string.Empty, $"the description is longer than {MaxLength} characters"));
        }

        var state = new ParseState();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var line = rawLine.EndsWith('\r') ? rawLine[..^1] : rawLine;
            if (line.Length == 0)
            {
                continue;
            }

            if (!state.TryReadLine(line, out var reason))
            {
                return SdpParseResult.Failure(SdpParseError.AtLine(lineNumber, line, reason));
            }
        }

        return state.TryFinish(out var reasonAtEnd)
            ? SdpParseResult.Success(state.Description)
            : SdpParseResult.Failure(new SdpParseError(0, string.Empty, reasonAtEnd));
    }

    /// <summary>Parses <paramref name="text"/>; false with <paramref name="error"/> when malformed.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out SessionDescription? description, [NotNullWhen(false)] out SdpParseError? error)
    {
        var result = Parse(text);
        description = result.Description;
        error = result.Error;
        return result.IsSuccess;
    }

    /// <summary>What has been read so far, line by line.</summary>
    private sealed class ParseState
    {
        private int linesRead;
        private bool sawOrigin;
        private bool sawSessionName;
        private bool sawTiming;
        private MediaDescription? media;

        public SessionDescription Description { get; } = new();

        public bool TryReadLine(string line, out string reason)
        {
            if (line.Length < 2 || line[1] != '=' || line[0] is < 'a' or > 'z')
            {
                reason = "expected '<type>=<value>' with a lower-case one-letter type";
                return false;
            }

            var type = line[0];
            var value = line[2..];
            linesRead++;

            // RFC 8866 5: "The first line ... MUST be v=" and "v=0" is the only version.
            if (linesRead == 1)
            {
                if (type != 'v' || value != "0")
                {
                    reason = "a description must start with 'v=0'";
                    return false;
                }

                return Ok(out reason);
            }

            return type switch
            {
                'v' => Fail("'v=' may appear only once, on the first line", out reason),
                'm' => TryReadMediaLine(value, out reason),
                'a' => TryReadAttribute(value, out reason),
                'c' => TryReadConnection(value, out reason),
                _ => media is null ? TryReadSessionLine(type, value, out reason) : KeepMediaLine(type, value, out reason),
            };
        }

        public bool TryFinish(out string reason)
        {
            if (!sawOrigin || !sawSessionName || !sawTiming)
            {
                return Fail("the session level lacks one of the required 'o=', 's=' and 't=' lines", out reason);
            }

            return Ok(out reason);
        }

        private bool TryReadSessionLine(char type, string value, out string reason)
        {
            switch (type)
            {
                case 'o':
                    if (sawOrigin)
                    {
                        return Fail("'o=' appears twice", out reason);
                    }

                    sawOrigin = true;
                    if (!TryParseOrigin(value, out var origin, out reason))
                    {
                        return false;
                    }

                    Description.Origin = origin;
                    return true;
                case 's':
                    if (sawSessionName)
                    {
                        return Fail("'s=' appears twice", out reason);
                    }

                    sawSessionName = true;
                    Description.SessionName = value;
                    return Ok(out reason);
                case 't' when !sawTiming:
                    sawTiming = true;
                    var parts = SdpTokens.Split(value);
                    if (parts.Length != 2
                        || !ulong.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                        || !ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var stop))
                    {
                        return Fail("expected 't=<start-time> <stop-time>'", out reason);
                    }

                    Description.Timing = new Timing(start, stop);
                    return Ok(out reason);
                default:
                    Description.OtherLines.Add(new SdpLine(type, value));
                    return Ok(out reason);
            }
        }

        private bool KeepMediaLine(char type, string value, out string reason)
        {
            media!.OtherLines.Add(new SdpLine(type, value));
            return Ok(out reason);
        }

        private bool TryReadConnection(string value, out string reason)
        {
            // RFC 8866 5.7: "c=<nettype> <addrtype> <connection-address>"
            var parts = SdpTokens.Split(value);
            if (parts.Length != 3)
            {
                return Fail("expected 'c=<nettype> <addrtype> <connection-address>'", out reason);
            }

            var connection = new ConnectionData(parts[0], parts[1], parts[2]);
            if (media is null)
            {
                Description.Connection = connection;
            }
            else
            {
                media.Connection = connection;
            }

            return Ok(out reason);
        }

        private bool TryReadMediaLine(string value, out string reason)
        {
            if (!sawOrigin || !sawSessionName || !sawTiming)
            {
                return Fail("'m=' before the session level's 'o=', 's=' and 't=' lines", out reason);
            }

            // RFC 8866 5.14: "m=<media> <port>/<number of ports> <proto> <fmt> ..."
            var parts = SdpTokens.Split(value);
            if (parts.Length < 4 || !SdpTokens.IsToken(parts[0]) || !SdpTokens.IsToken(parts[2].Replace("/", string.Empty, StringComparison.Ordinal)))
            {
                return Fail("expected 'm=<media> <port> <proto> <fmt> ...'", out reason);
            }

            var portText = parts[1];
            int? numberOfPorts = null;
            var slash = portText.IndexOf('/');
            if (slash >= 0)
            {
                if (!int.TryParse(portText.AsSpan(slash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                {
                    return Fail("the number of ports after '/' is not a positive number", out reason);
                }

                numberOfPorts = n;
                portText = portText[..slash];
            }

            if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
            {
                return Fail("the port is not a number from 0 to 65535", out reason);
            }

            media = new MediaDescription { Kind = parts[0], Port = port, NumberOfPorts = numberOfPorts, Protocol = parts[2] };
            media.Formats.AddRange(parts.Skip(3));
            Description.Media.Add(media);
            return Ok(out reason);
        }

        private bool TryReadAttribute(string value, out string reason)
        {
            // RFC 8866 5.13: "a=<attribute-name>" or "a=<attribute-name>:<attribute-value>"
            var colon = value.IndexOf(':');
            var name = colon < 0 ? value : value[..colon];
            var attributeValue = colon < 0 ? null : value[(colon + 1)..];
            if (!SdpTokens.IsToken(name))
            {
                return Fail("the attribute name is empty or has invalid characters", out reason);
            }

            return media is null
                ? AttributeReader.TryApply(Description, name, attributeValue, out reason)
                : AttributeReader.TryApply(media, name, attributeValue, out reason);
        }

        private static bool TryParseOrigin(string value, [NotNullWhen(true)] out Origin? origin, out string reason)
        {
            // RFC 8866 5.2: "o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>"
            origin = null;
            var parts = SdpTokens.Split(value);
            if (parts.Length != 6)
            {
                return Fail("expected 'o=<username> <sess-id> <sess-version> <nettype> <addrtype> <address>'", out reason);
            }

            if (!parts[1].All(char.IsAsciiDigit))
            {
                return Fail("the session id is not a number", out reason);
            }

            if (!ulong.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                return Fail("the session version is not a 64-bit unsigned number", out reason);
            }

            origin = new Origin(parts[0], parts[1], version, parts[3], parts[4], parts[5]);
            return Ok(out reason);
        }

        private static bool Ok(out string reason)
        {
            reason = string.Empty;
            return true;
        }

        private static bool Fail(string why, out string reason)
        {
            reason = why;
            return false;
        }
    }
}
