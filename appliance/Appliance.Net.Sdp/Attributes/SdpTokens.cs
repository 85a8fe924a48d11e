using System.Globalization;

namespace Appliance.Net.Sdp.Attributes;

/// <summary>Small lexical helpers shared by the attribute parsers (RFC 8866 section 9 grammar).</summary>
internal static class SdpTokens
{
    /// <summary>Splits on spaces, ignoring repeated ones; the last part keeps the rest of the text.</summary>
    public static string[] Split(string value, int maxParts = int.MaxValue) =>
        value.Split(' ', maxParts, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// RFC 8866 9: "token = 1*(token-char)", token-char is a visible character other than
    /// space and the separators " ( ) , / : ; &lt; = &gt; ? @ [ \ ] { }".
    /// </summary>
    public static bool IsToken(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (c <= ' ' || c >= 0x7F || "\"(),/:;<=>?@[\\]{}".Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An RTP payload type: a decimal number from 0 to 127 (RFC 3550 5.1: 7 bits).</summary>
    public static bool TryParsePayloadType(ReadOnlySpan<char> text, out int payloadType) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out payloadType) && payloadType <= 127;
}
