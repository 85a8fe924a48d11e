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
    }
}
