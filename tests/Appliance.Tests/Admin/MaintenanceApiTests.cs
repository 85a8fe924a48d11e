using System.IO.Compression;
using System.Net;
using System.Text.Json;
using Appliance.Admin.Maintenance;
using Appliance.Testing;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Tests.Admin;

public sealed class MaintenanceApiTests : ClaimedBoxTests
{
    [Fact]
    public async Task The_diagnostics_bundle_holds_settings_without_secrets_probe_logs_and_version()
    {
        using (await Client.PatchAsync("api/admin/settings", new { fixedCode = "secret-room-42" })) { }

        using var response = await Client.Http.GetAsync("api/admin/diagnostics");

        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(["logs.txt", "probe.txt", "settings.json", "version.txt"], zip.Entries.Select(e => e.FullName).Order());
        var all = string.Join("\n", zip.Entries.Select(e => new StreamReader(e.Open()).ReadToEnd()));
        Assert.DoesNotContain("secret-room-42", all);
        Assert.DoesNotContain(AdminClient.Password, all);
        Assert.Contains("software (software): present", all);
        Assert.Contains("The box has been claimed", all);
    }

    [Fact]
    public async Task Recent_log_lines_are_listed_oldest_first()
    {
        using var response = await Client.Http.GetAsync("api/admin/logs");
        var lines = (await AdminClient.BodyAsync(response)).GetProperty("lines").EnumerateArray().ToList();

        var claimed = lines.FindIndex(l => l.GetProperty("message").GetString()!.Contains("The box has been claimed"));
        var setup = lines.FindIndex(l => l.GetProperty("message").GetString()!.Contains("type the setup code"));
        Assert.True(setup >= 0 && claimed > setup);
        Assert.Equal("Warning", lines[claimed].GetProperty("level").GetString());
    }

    [Fact]
    public async Task Reissuing_the_certificate_changes_its_fingerprint_and_theBox_serves_the_new_one()
    {
        var before = await AdminClient.BodyAsync(await Client.Http.GetAsync("api/admin/certificate"));

        using var response = await Client.PostAsync("api/admin/certificate/reissue");
        var after = await AdminClient.BodyAsync(response);

        Assert.NotEqual(before.GetProperty("sha256").GetString(), after.GetProperty("sha256").GetString());
        Assert.Contains("127.0.0.1", after.GetProperty("names").EnumerateArray().Select(n => n.GetString()));
        using var fresh = Box.CreateClient(); // trusts exactly the certificate in use now
        using var health = await fresh.GetAsync("healthz");
        var served = (await AdminClient.BodyAsync(health)).GetProperty("subsystems").GetProperty("certificate").GetProperty("details").GetProperty("sha256").GetString();
        Assert.Equal(after.GetProperty("sha256").GetString(), served);
    }

    [Fact]
    public async Task Restart_stops_the_host_with_the_exit_code_systemd_restarts_on()
    {
        var stopping = new TaskCompletionSource();
        Box.App.Lifetime.ApplicationStopping.Register(() => stopping.TrySetResult());

        using var response = await Client.PostAsync("api/admin/restart");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await stopping.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(75, Box.App.Services.GetRequiredService<ServiceRestart>().ExitCode);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_every_api_route_theBox_maps()
    {
        using var response = await Client.Http.GetAsync("api/openapi.json");
        var document = await AdminClient.BodyAsync(response);
        Assert.Equal("3.1.0", document.GetProperty("openapi").GetString());
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}"))
            .ToHashSet();

        var mapped = Box.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods
                .Select(m => $"{m} {e.RoutePattern.RawText}"))
            .ToHashSet();

        Assert.True(mapped.Count >= 18);
        Assert.Empty(mapped.Except(documented));
        Assert.Empty(documented.Except(mapped));
    }
}
