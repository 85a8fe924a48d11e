namespace Appliance.Conference;

/// <summary>The meeting room's settings ("Meeting" section).</summary>
public sealed class MeetingOptions
{
    public const string SectionName = "Meeting";

    /// <summary>The room's code as participants type it (the room display shows it).</summary>
    public string RoomCode { get; set; } = "meeting";

    public int MaxParticipants { get; set; } = 25;

    /// <summary>The mixed picture every participant receives.</summary>
    public int Width { get; set; } = 1280;

    public int Height { get; set; } = 720;

    public int FrameRate { get; set; } = 30;

    public int VideoBitrate { get; set; } = 1_500_000;

    /// <summary>Least time between two key frames forced by receivers' requests, per encoder group.</summary>
    public int KeyFrameIntervalMilliseconds { get; set; } = 1000;

    /// <summary>The layout while nobody shares a screen: "grid", or "activeSpeaker" (the speaker large, the others in a strip).</summary>
    public string Layout { get; set; } = MeetingLayouts.Grid;

    /// <summary>Displays (the room's TVs, join role "display") allowed at once; they do not count as participants.</summary>
    public int MaxDisplays { get; set; } = 4;
}
