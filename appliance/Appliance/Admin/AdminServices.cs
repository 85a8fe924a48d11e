using Appliance.Admin.Account;
using Appliance.Admin.Live;
using Appliance.Admin.Maintenance;
using Appliance.Admin.Settings;
using Microsoft.AspNetCore.DataProtection;

namespace Appliance.Admin;

/// <summary>The admin console's services and its JSON API under /api/admin (API.md).</summary>
public static class AdminServices
{
    public const string ApiPrefix = "/api/admin";

    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        // Antiforgery tokens need data protection keys; they live as long as the process, like
        // the sessions they protect (a restart signs the admin out anyway).
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryFilter.HeaderName;
            options.Cookie.Name = "appliance-csrf";
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            options.Cookie.Path = ApiPrefix;
        });
        services.AddSingleton<AdminSessions>();
        services.AddSingleton<AdminAttempts>();
        services.AddSingleton<SettingsStore>();
        services.AddSingleton<SettingsEditor>();
        services.AddSingleton<AdminAccount>();
        services.AddSingleton<LiveMeeting>();
        services.AddSingleton<SystemState>();
        services.AddSingleton<RecentLogs>();
        services.AddSingleton<ILoggerProvider>(sp => sp.GetRequiredService<RecentLogs>());
        services.AddSingleton<ServiceRestart>();
        services.AddSingleton<DiagnosticsBundle>();
        return services;
    }

    public static WebApplication MapAdmin(this WebApplication app)
    {
        // Unclaimed, the account makes its setup code and logs it now, not at the first request.
        _ = app.Services.GetRequiredService<AdminAccount>();

        var api = app.MapGroup(ApiPrefix).AddEndpointFilter<AntiforgeryFilter>();
        var admin = api.MapGroup("").AddEndpointFilter<AdminSessionFilter>();
        AccountEndpoints.MapAccount(api, admin);
        SettingsEndpoints.MapSettings(admin);
        LiveEndpoints.MapLive(admin);
        MaintenanceEndpoints.MapMaintenance(admin);
        OpenApiDocument.Map(app);
        return app;
    }
}
