namespace Appliance.Conference;

/// <summary>The box's reply to "join".</summary>
public sealed record JoinedMessage(string ParticipantId, string Room)
{
    public string Type => "joined";
}

/// <summary>The box's answer to the page's offer.</summary>
public sealed record AnswerMessage(string Sdp)
{
    public string Type => "answer";
}

/// <summary>Media flows: the secure connection is up.</summary>
public sealed record ConnectedMessage
{
    public string Type => "connected";
}

/// <summary>The participant's connection ended; the sentence says why.</summary>
public sealed record DisconnectedMessage(string Reason)
{
    public string Type => "disconnected";
}
