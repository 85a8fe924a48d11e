namespace Appliance.Net.Sdp.Parsing;

/// <summary>Why a session description was refused, and on which line.</summary>
/// <param name="LineNumber">1-based line number; 0 when the problem is the description as a whole.</param>
/// <param name="Line">The offending line (cut to 80 characters), or empty.</param>
/// <param name="Reason">What is wrong, in words.</param>
public sealed record SdpParseError(int LineNumber, string Line, string Reason)
{
    private const int MaxQuotedLength = 80;

    /// <summary>Creates an error for a line, quoting at most 80 characters of it.</summary>
    public static SdpParseError AtLine(int lineNumber, string line, string reason) =>
        new(lineNumber, line.Length > MaxQuotedLength ? line[..MaxQuotedLength] + "..." : line, reason);

    /// <summary>A readable message, e.g. "line 12 'a=rtpmap:x opus/48000': payload type is not a number from 0 to 127".</summary>
    public string Message => LineNumber == 0 ? Reason : $"line {LineNumber} '{Line}': {Reason}";

    /// <inheritdoc/>
    public override string ToString() => Message;
}
