using System.Diagnostics.CodeAnalysis;

namespace Appliance.Net.Sdp.Attributes;

/// <summary>
/// "a=rtcp-fb:&lt;rtcp-fb-pt&gt; &lt;rtcp-fb-val&gt;" (RFC 4585 4.2), e.g. "a=rtcp-fb:96 nack pli".
/// </summary>
/// <param name="PayloadType">The payload type, or "*" for all (RFC 4585 4.2).</param>
/// <param name="Type">"nack", "ccm", "goog-remb", "transport-cc", ...</param>
/// <param name="Parameter">"pli" in "nack pli", "fir" in "ccm fir"; null when absent.</param>
public sealed record RtcpFeedback(string PayloadType, string Type, string? Parameter = null)
{
    /// <summary>"*": the feedback applies to every payload type.</summary>
    public const string Wildcard = "*";

    /// <summary>Parses the attribute value (after "a=rtcp-fb:").</summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out RtcpFeedback? feedback, out string error)
    {
        feedback = null;
        var parts = SdpTokens.Split(value, 3);
        if (parts.Length < 2)
        {
            error = "expected '<payload type> <feedback type> [<parameter>]'";
            return false;
        }

        if (parts[0] != Wildcard && !SdpTokens.TryParsePayloadType(parts[0], out _))
        {
            error = "payload type is neither '*' nor a number from 0 to 127";
            return false;
        }

        feedback = new RtcpFeedback(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
        error = string.Empty;
        return true;
    }

    /// <summary>True when this feedback applies to <paramref name="payloadType"/>.</summary>
    public bool AppliesTo(int payloadType) =>
        PayloadType == Wildcard || PayloadType == payloadType.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The feedback value without the payload type, e.g. "nack pli".</summary>
    public string FeedbackValue => Parameter is null ? Type : $"{Type} {Parameter}";

    /// <summary>The attribute value, e.g. "96 nack pli".</summary>
    public override string ToString() => $"{PayloadType} {FeedbackValue}";
}
