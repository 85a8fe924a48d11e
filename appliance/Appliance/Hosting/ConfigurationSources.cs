using Microsoft.Extensions.Configuration.Json;

namespace Appliance.Hosting;

/// <summary>
/// Where settings come from, later ones winning: appsettings.json beside the program,
/// the admin's file (/etc/appliance/appsettings.json, or $CONFIGURATION_DIRECTORY under
/// systemd), environment variables (Appliance__HttpsPort=443), then the command line.
/// </summary>
public static class ConfigurationSources
{
    public const string DefaultConfigurationDirectory = "/etc/appliance";

    public static void AddAdminFile(ConfigurationManager configuration, Func<string, string?> environment)
    {
        var directory = environment("CONFIGURATION_DIRECTORY")?.Split(':')[0] ?? DefaultConfigurationDirectory;
        var adminFile = Path.Combine(directory, "appsettings.json");

        // WebApplication.CreateBuilder adds appsettings.json, appsettings.{Environment}.json,
        // environment variables and the command line, in that order. The admin's file goes
        // right after the JSON files, so environment and command line still override it.
        var sources = (IList<IConfigurationSource>)configuration.Sources;
        var lastJson = sources.Select((source, index) => (source, index))
            .LastOrDefault(s => s.source is JsonConfigurationSource).index;
        var adminSource = new JsonConfigurationSource { Path = adminFile, Optional = true, ReloadOnChange = false };
        adminSource.ResolveFileProvider();
        sources.Insert(lastJson + 1, adminSource);
    }

    /// <summary>Short command-line switches for settings: <c>--demo 3</c> is <c>--Meeting:DemoParticipants=3</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> CommandLineAliases = new Dictionary<string, string>
    {
        ["--demo"] = "Meeting:DemoParticipants",
    };

    /// <summary>Adds the command line once more, read through <see cref="CommandLineAliases"/> (it stays last, so it wins).</summary>
    public static void AddCommandLineAliases(ConfigurationManager configuration, string[] args) =>
        configuration.AddCommandLine(args, new Dictionary<string, string>(CommandLineAliases));

    /// <summary>
    /// The settings made in the admin console (settings.json in the state folder) go right
    /// after the admin's file: they override it, and environment and command line override them.
    /// </summary>
    public static void AddSettingsOverlay(ConfigurationManager configuration, string path)
    {
        var sources = (IList<IConfigurationSource>)configuration.Sources;
        var lastJson = sources.Select((source, index) => (source, index))
            .LastOrDefault(s => s.source is JsonConfigurationSource).index;
        var overlay = new JsonConfigurationSource { Path = path, Optional = true, ReloadOnChange = false };
        overlay.ResolveFileProvider();
        sources.Insert(lastJson + 1, overlay);
    }
}
