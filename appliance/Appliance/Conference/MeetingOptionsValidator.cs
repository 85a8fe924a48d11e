using Appliance.Conference.Demo;

namespace Appliance.Conference;

/// <summary>Checks the "Meeting" settings at start-up; every failure names the setting and says what is allowed.</summary>
public static class MeetingOptionsValidator
{
    public static IEnumerable<string> Check(MeetingOptions o)
    {
        const string s = MeetingOptions.SectionName;
        if (!MeetingLayouts.Defaults.Contains(o.Layout, StringComparer.OrdinalIgnoreCase))
            yield return $"{s}:Layout is '{o.Layout}'; it must be {string.Join(" or ", MeetingLayouts.Defaults)}.";
        if (o.MaxParticipants is < 1 or > 100)
            yield return $"{s}:MaxParticipants is {o.MaxParticipants}; it must be from 1 to 100.";
        if (o.MaxDisplays is < 0 or > 16)
            yield return $"{s}:MaxDisplays is {o.MaxDisplays}; it must be from 0 to 16.";
        if (o.Width is < 160 or > 3840 || o.Height is < 90 or > 2160)
            yield return $"{s}:Width and {s}:Height are {o.Width}x{o.Height}; the picture must be from 160x90 to 3840x2160.";
        if (o.FrameRate is < 1 or > 60)
            yield return $"{s}:FrameRate is {o.FrameRate}; it must be from 1 to 60 frames per second.";
        if (o.VideoBitrate is < 100_000 or > 20_000_000)
            yield return $"{s}:VideoBitrate is {o.VideoBitrate}; it must be from 100000 to 20000000 bits per second.";
        if (o.KeyFrameIntervalMilliseconds is < 0 or > 60_000)
            yield return $"{s}:KeyFrameIntervalMilliseconds is {o.KeyFrameIntervalMilliseconds}; it must be from 0 to 60000.";
        if (o.PersonalCanvasMaxParticipants is < 2 or > 9)
            yield return $"{s}:PersonalCanvasMaxParticipants is {o.PersonalCanvasMaxParticipants}; it must be from 2 to 9 (one encoder per participant).";
        if (o.DemoParticipants < 0 || o.DemoParticipants > DemoPalette.Count)
            yield return $"{s}:DemoParticipants (--demo) is {o.DemoParticipants}; it must be from 0 to {DemoPalette.Count}.";
        else if (o.DemoParticipants >= o.MaxParticipants)
            yield return $"{s}:DemoParticipants (--demo) is {o.DemoParticipants}; it must leave room for a real participant under {s}:MaxParticipants ({o.MaxParticipants}).";
    }
}
