namespace Appliance.Hosting;

/// <summary>
/// Binds and checks <see cref="ApplianceOptions"/> before the host starts, so a bad
/// setting stops start-up with one line naming it instead of a stack trace.
/// </summary>
public static class ConfigurationErrors
{
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
        return ApplianceOptionsValidator.Check(options).ToList();
    }
}
