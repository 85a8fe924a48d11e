using System.Diagnostics.CodeAnalysis;
using Appliance.Net.Sdp.Model;

namespace Appliance.Net.Sdp.Parsing;

/// <summary>The outcome of <see cref="SdpParser.Parse"/>: a description, or an error naming the line.</summary>
public sealed class SdpParseResult
{
    private SdpParseResult(SessionDescription? description, SdpParseError? error)
    {
        Description = description;
        Error = error;
    }

    /// <summary>The parsed description when <see cref="IsSuccess"/>.</summary>
    public SessionDescription? Description { get; }

    /// <summary>Why parsing failed, when not <see cref="IsSuccess"/>.</summary>
    public SdpParseError? Error { get; }

    /// <summary>True when the text was a valid description.</summary>
    [MemberNotNullWhen(true, nameof(Description))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Description is not null;

    internal static SdpParseResult Success(SessionDescription description) => new(description, null);

    internal static SdpParseResult Failure(SdpParseError error) => new(null, error);
}
