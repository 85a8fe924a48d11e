namespace Appliance.Hosting;

/// <summary>
/// Binds and checks <see cref="ApplianceOptions"/> before the host starts, so a bad
/// setting stops start-up with one line naming it instead of a stack trace.
/// </summary>
public static class ConfigurationErrors
{
    private static IEnumerable<string> MediaErrors(IConfiguration configuration)
    {
        Appliance.WebRtc.MediaPortOptions media;
        try
        {
            media = configuration.GetSection(Appliance.WebRtc.MediaPortOptions.SectionName)
                .Get<Appliance.WebRtc.MediaPortOptions>(o => o.ErrorOnUnknownConfiguration = true) ?? new();
            ConfigurationLists.ReplaceLists(configuration, media);
        }
        catch (InvalidOperationException e)
        {
            return [e.Message];
        }
        return Appliance.Media.MediaPortOptionsValidator.Check(media);
    }

    private static IEnumerable<string> MeetingErrors(IConfiguration configuration)
    {
        Appliance.Conference.MeetingOptions meeting;
        try
        {
            meeting = configuration.GetSection(Appliance.Conference.MeetingOptions.SectionName).Get<Appliance.Conference.MeetingOptions>() ?? new();
        }
        catch (InvalidOperationException e)
        {
            return [e.Message + (e.InnerException is { } inner ? " " + inner.Message : "")];
        }
        return Appliance.Conference.MeetingOptionsValidator.Check(meeting);
    }

    /// <summary>The problems with the configuration, one sentence each; empty when it is usable.</summary>
    public static IReadOnlyList<string> Find(IConfiguration configuration)
    {
        ApplianceOptions options;
        try
        {
            options = configuration.GetSection(ApplianceOptions.SectionName).Get<ApplianceOptions>(o => o.ErrorOnUnknownConfiguration = true)
                ?? new ApplianceOptions();
        }
        catch (InvalidOperationException e)
        {
            // The binder names the setting ("… at 'Appliance:HttpsPort' to type 'System.Int32'"
            // or "… properties were not found on type … 'HttpsPrt'").
            return [e.Message + (e.InnerException is { } inner ? " " + inner.Message : "")];
        }
        return ApplianceOptionsValidator.Check(options).Concat(MediaErrors(configuration)).Concat(MeetingErrors(configuration)).Concat(RoomErrors(configuration))
            .Concat(Appliance.Resilience.LimitsOptionsValidator.Find(configuration)).ToList();
    }

    private static IEnumerable<string> RoomErrors(IConfiguration configuration)
    {
        Appliance.Rooms.RoomOptions room;
        try
        {
            room = configuration.GetSection(Appliance.Rooms.RoomOptions.SectionName)
                .Get<Appliance.Rooms.RoomOptions>(o => o.ErrorOnUnknownConfiguration = true) ?? new();
        }
        catch (InvalidOperationException e)
        {
            return [e.Message + (e.InnerException is { } inner ? " " + inner.Message : "")];
        }
        return Appliance.Rooms.RoomOptions.Check(room);
    }
}
