using Appliance.Hwaccel;
using Appliance.Hwaccel.Providers;

namespace Appliance.Hosting;

/// <summary>
/// <c>appliance probe</c>: tries every codec provider (software, V4L2 M2M, NVIDIA, VAAPI,
/// Jetson) by opening it and coding a frame, and prints which are present, why the others
/// are not, and what each can do. Settings come from the same places as the service's.
/// </summary>
public static class ProbeCommand
{
    public const string Name = "probe";

    public static int Run(string[] args)
    {
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true);
        ConfigurationSources.AddAdminFile(configuration, Environment.GetEnvironmentVariable);
        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
        var options = ConfigurationLists.Hwaccel(configuration);

        using var loggers = LoggerFactory.Create(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning));
        var factory = VideoCodecFactory.Create(options, loggers);
        factory.Report.Print(Console.Out);
        return 0;
    }
}
