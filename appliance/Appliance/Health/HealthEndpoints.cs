using Appliance.Certificates;
using Prometheus;

namespace Appliance.Health;

/// <summary>/healthz (JSON, per subsystem) and /metrics (Prometheus text format).</summary>
public static class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services) =>
        services.AddSingleton<HealthRegistry>();

    public static WebApplication MapHealth(this WebApplication app)
    {
        var registry = app.Services.GetRequiredService<HealthRegistry>();
        var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
        var certificates = app.Services.GetRequiredService<CertificateStore>();

        registry.Register("web", () => lifetime.ApplicationStarted.IsCancellationRequested
            ? new SubsystemHealth(true, "up")
            : new SubsystemHealth(false, "starting"));
        registry.Register("certificate", () =>
        {
            var certificate = certificates.Current;
            return new SubsystemHealth(true, "loaded", new Dictionary<string, string>
            {
                ["sha256"] = certificates.Fingerprint,
                ["notAfter"] = certificate.NotAfter.ToUniversalTime().ToString("O"),
            });
        });

        app.MapGet("/healthz", () =>
        {
            var subsystems = registry.Snapshot();
            var healthy = subsystems.Values.All(s => s.Healthy);
            var body = new
            {
                status = healthy ? "ok" : "degraded",
                subsystems = subsystems.ToDictionary(kv => kv.Key, kv => new { healthy = kv.Value.Healthy, status = kv.Value.Status, details = kv.Value.Details }),
            };
            return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });

        RuntimeMetrics.Register();
        app.MapMetrics("/metrics");
        return app;
    }
}
