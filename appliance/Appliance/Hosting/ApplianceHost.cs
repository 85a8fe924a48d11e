using Appliance.Admin;
using Appliance.Certificates;
using Appliance.Conference;
using Appliance.Devices;
using Appliance.Media;
using Appliance.Health;
using Appliance.Resilience;
using Appliance.Rooms;
using Appliance.Security;
using Appliance.Signaling;
using Appliance.WebUi;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Options;

namespace Appliance.Hosting;

/// <summary>
/// The composition root: which services the box runs and which endpoints it maps.
/// Program.cs calls it; tests call it too, to run the real host in-process.
/// </summary>
public static class ApplianceHost
{
    /// <summary>
    /// Builds the host's builder, or returns the configuration's problems (one sentence
    /// each, naming the setting) when it cannot start.
    /// </summary>
    public static (WebApplicationBuilder? Builder, IReadOnlyList<string> Errors) CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        ConfigurationSources.AddAdminFile(builder.Configuration, Environment.GetEnvironmentVariable);
        ConfigurationSources.AddCommandLineAliases(builder.Configuration, args);

        var errors = ConfigurationErrors.Find(builder.Configuration);
        if (errors.Count > 0)
            return (null, errors);
        var options = builder.Configuration.GetSection(ApplianceOptions.SectionName).Get<ApplianceOptions>() ?? new ApplianceOptions();
        var state = StateDirectory.Resolve(options, Environment.GetEnvironmentVariable);

        // The admin console's settings, a layer of their own; checked like every other layer.
        var overlay = state.Combine(Admin.Settings.SettingsStore.FileName);
        ConfigurationSources.AddSettingsOverlay(builder.Configuration, overlay);
        errors = ConfigurationErrors.Find(builder.Configuration);
        if (errors.Count > 0)
            return (null, errors.Select(e => e + $" (The admin console's settings, {overlay}, may hold it.)").ToList());
        options = builder.Configuration.GetSection(ApplianceOptions.SectionName).Get<ApplianceOptions>() ?? new ApplianceOptions();

        builder.Services.AddSystemd();
        if (!SystemdHelpers.IsSystemdService())
        {
            builder.Logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "HH:mm:ss ";
            });
        }

        builder.Services.AddOptions<ApplianceOptions>()
            .Bind(builder.Configuration.GetSection(ApplianceOptions.SectionName))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ApplianceOptions>, ApplianceOptionsValidator>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(state);
        builder.Services.AddSingleton<IHostIdentitySource, SystemHostIdentitySource>();
        builder.Services.AddSingleton<CertificateStore>();
        builder.Services.AddHostedService<StartupBanner>();
        builder.Services.AddSingleton<SystemdWatchdog>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SystemdWatchdog>());
        builder.Services.AddHealth();
        builder.Services.AddSignaling();
        builder.Services.AddResilience(builder.Configuration);
        builder.Services.AddMedia(builder.Configuration);
        builder.Services.AddConference(builder.Configuration);
        builder.Services.AddBoxDevices(builder.Configuration);
        builder.Services.AddRooms(builder.Configuration);
        builder.Services.AddAdmin();
        builder.Services.AddDisplay();
        builder.ConfigureListeners(options);
        return (builder, []);
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        // Issue or load the certificate before Kestrel asks for it, so problems show at start.
        _ = app.Services.GetRequiredService<CertificateStore>().Current;

        app.UseMiddleware<LanOnlyMiddleware>();
        app.UseHttpsRedirection();
        app.MapWebUi();
        app.MapSignaling();
        app.MapHealth();
        app.MapDisplay();
        app.MapAdmin();
        return app;
    }
}
