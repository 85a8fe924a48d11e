namespace Appliance.Rooms;

/// <summary>How participants get into the meeting room.</summary>
public enum RoomCodePolicy
{
    /// <summary>One code that stays until the admin changes it (<c>Meeting:RoomCode</c>).</summary>
    Fixed,

    /// <summary>A new code for every meeting: once the room has emptied, the next meeting gets a new one.</summary>
    PerMeeting,

    /// <summary>A new code every <see cref="RoomOptions.RotationMinutes"/> minutes; people already in stay in.</summary>
    Rotating,

    /// <summary>No code: anyone who reaches the box joins (a trusted LAN).</summary>
    None,
}

/// <summary>The room's settings ("Room" section): its name and how its code works.</summary>
public sealed class RoomOptions
{
    public const string SectionName = "Room";

    /// <summary>The name the room display and the join page show.</summary>
    public string Name { get; set; } = "Meeting room";

    public RoomCodePolicy CodePolicy { get; set; } = RoomCodePolicy.Fixed;

    /// <summary>Minutes a rotating code lasts.</summary>
    public int RotationMinutes { get; set; } = 60;

    public const int MaxNameLength = 60;

    /// <summary>The problems with the options, one sentence each, naming the setting.</summary>
    public static IEnumerable<string> Check(RoomOptions o)
    {
        const string s = SectionName;
        if (string.IsNullOrWhiteSpace(o.Name) || o.Name.Length > MaxNameLength || o.Name.Any(char.IsControl))
            yield return $"{s}:Name must be 1 to {MaxNameLength} characters without line breaks.";
        if (!Enum.IsDefined(o.CodePolicy))
            yield return $"{s}:CodePolicy must be Fixed, PerMeeting, Rotating or None.";
        if (o.RotationMinutes is < 1 or > 1440)
            yield return $"{s}:RotationMinutes is {o.RotationMinutes}; it must be from 1 to 1440 (a day).";
    }
}
