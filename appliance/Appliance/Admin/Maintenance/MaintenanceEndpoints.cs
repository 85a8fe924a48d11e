using System.Security.Cryptography.X509Certificates;
using Appliance.Admin.Account;
using Appliance.Certificates;

namespace Appliance.Admin.Maintenance;

/// <summary>Maintenance (API.md, "Admin: maintenance"): logs, restart, diagnostics, certificate, factory reset.</summary>
public static class MaintenanceEndpoints
{
    public sealed record CertificateInfo(string Sha256, DateTimeOffset NotAfter, IReadOnlyList<string> Names);

    public static void MapMaintenance(RouteGroupBuilder admin)
    {
        admin.MapGet("/logs", (RecentLogs logs) => Results.Json(new { lines = logs.Snapshot() }, AdminJson.Options));

        admin.MapPost("/restart", (HttpContext context, ServiceRestart restart) =>
        {
            // Answer first: the host stops once the response has gone.
            context.Response.OnCompleted(() =>
            {
                restart.Request();
                return Task.CompletedTask;
            });
            return Results.Accepted(value: new { message = "The service is restarting. Reload this page in a few seconds." });
        });

        admin.MapGet("/diagnostics", (DiagnosticsBundle bundle) =>
            Results.File(bundle.Create(), "application/zip", bundle.FileName));

        admin.MapGet("/certificate", (CertificateStore certificates) => Results.Json(Describe(certificates), AdminJson.Options));

        admin.MapPost("/certificate/reissue", (CertificateStore certificates) =>
        {
            certificates.Reissue();
            return Results.Json(Describe(certificates), AdminJson.Options);
        });

        admin.MapPost("/factory-reset", async (HttpContext context, AdminAccount account) =>
        {
            await account.FactoryResetAsync();
            context.Response.Cookies.Delete(AdminSessions.CookieName, new CookieOptions { Path = AdminServices.ApiPrefix, Secure = true });
            return Results.Accepted(value: new { message = "The box is reset: it shows a new setup code on the room's screen and in its log." });
        });
    }

    private static CertificateInfo Describe(CertificateStore certificates)
    {
        var certificate = certificates.Current;
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>()
            .SelectMany(e => e.EnumerateDnsNames().Concat(e.EnumerateIPAddresses().Select(a => a.ToString())))
            .ToList();
        return new CertificateInfo(certificates.Fingerprint, certificate.NotAfter.ToUniversalTime(), names);
    }
}
