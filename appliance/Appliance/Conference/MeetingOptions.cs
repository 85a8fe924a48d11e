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

    /// <summary>Synthetic participants (moving test patterns with tones) who join when the box starts (<c>--demo N</c>).</summary>
    public int DemoParticipants { get; set; }

    /// <summary>
    /// Nobody sees themselves: each participant gets a canvas of their own (one encoder each), while the room has at
    /// most <see cref="PersonalCanvasMaxParticipants"/> people; larger rooms share one canvas per profile.
    /// </summary>
    public bool PersonalCanvas { get; set; }

    public int PersonalCanvasMaxParticipants { get; set; } = 4;
    /// <summary>The layout while nobody shares a screen: "grid", or "activeSpeaker" (the speaker large, the others in a strip).</summary>
    public string Layout { get; set; } = MeetingLayouts.Grid;

    /// <summary>Displays (the room's TVs, join role "display") allowed at once; they do not count as participants.</summary>
    public int MaxDisplays { get; set; } = 4;
}
