using System.Diagnostics.CodeAnalysis;

namespace Appliance.Net.Sdp.Negotiation;

/// <summary>The outcome of <see cref="AnswerBuilder.CreateAnswer"/>: a negotiated session, or why the offer cannot be answered.</summary>
public sealed class AnswerResult
{
    private AnswerResult(NegotiatedSession? session, string? error)
    {
        Session = session;
        Error = error;
    }

    /// <summary>The negotiated session (holding the answer) when <see cref="IsSuccess"/>.</summary>
    public NegotiatedSession? Session { get; }

    /// <summary>Why no answer could be made, when not <see cref="IsSuccess"/>.</summary>
    public string? Error { get; }

    /// <summary>True when an answer was made.</summary>
    [MemberNotNullWhen(true, nameof(Session))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsSuccess => Session is not null;

    internal static AnswerResult Success(NegotiatedSession session) => new(session, null);

    internal static AnswerResult Failure(string error) => new(null, error);
}
