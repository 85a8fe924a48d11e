namespace Appliance.Conference;

/// <summary>How a page takes part in the meeting ("role" of the join message, PROTOCOL.md).</summary>
public enum MeetingRole
{
    /// <summary>Sends camera and microphone, has a tile, is in the roster.</summary>
    Participant,

    /// <summary>The room's TV: receives the mix only; no tile, no voice in the mix, not in the roster, not counted as a participant.</summary>
    Display,
}
