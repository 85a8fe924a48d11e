namespace Appliance.Rooms;

/// <summary>What the box makes of a room code someone typed.</summary>
public enum RoomCodeResult
{
    Accepted,

    /// <summary>No room has this code (signaling error <c>unknown-room</c>).</summary>
    UnknownRoom,

    /// <summary>The code was the room's until recently and has been replaced (<c>code-expired</c>).</summary>
    Expired,

    /// <summary>Too many wrong codes from this address; try again later (<c>too-many-attempts</c>).</summary>
    TooManyAttempts,
}

public readonly record struct RoomCodeVerdict(RoomCodeResult Result, TimeSpan RetryAfter = default)
{
    public static readonly RoomCodeVerdict Accepted = new(RoomCodeResult.Accepted);
}
