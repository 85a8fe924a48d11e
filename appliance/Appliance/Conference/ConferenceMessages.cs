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

/// <summary>The participant's connection ended; the sentence says why, the code ("left", "kicked", "timeout", "closed") is for the page.</summary>
public sealed record DisconnectedMessage(string Reason, string Code)
{
    public string Type => "disconnected";
}

/// <summary>Everyone in the meeting (PROTOCOL.md "roster"): sent to every participant and display on every change.</summary>
public sealed record RosterMessage(IReadOnlyList<RosterEntry> Participants, string? ActiveSpeakerId, string Layout, string? PresenterId)
{
    public string Type => "roster";
}

/// <summary>One participant as the roster shows them.</summary>
public sealed record RosterEntry(string Id, string Name, bool MicMuted, bool CameraOff, bool Sharing, bool Speaking);
