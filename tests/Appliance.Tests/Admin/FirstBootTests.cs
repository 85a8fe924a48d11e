using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Admin.Maintenance;
using Appliance.Testing;

namespace Appliance.Tests.Admin;

/// <summary>The first start: the setup code, claiming the box, signing in, and a setting that shows on the display.</summary>
public sealed class FirstBootTests : IAsyncLifetime
{
    private RunningAppliance _box = null!;

    public async Task InitializeAsync() => _box = await RunningAppliance.StartAsync();
    public async Task DisposeAsync() => await _box.DisposeAsync();

    [Fact]
    public async Task Setup_code_then_password_then_sign_in_then_the_room_name_shows_on_the_display()
    {
        using var admin = new AdminClient(_box);
        var display = await admin.DisplayAsync();
        Assert.False(display.GetProperty("claimed").GetBoolean());
        var setupCode = display.GetProperty("setupCode").GetString()!;
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", setupCode);

        // The code is logged once, at Warning level, for a box without a screen.
        var logged = _box.App.Services.GetRequiredService<RecentLogs>().Snapshot().Where(l => l.Message.Contains(setupCode)).ToList();
        Assert.Equal("Warning", Assert.Single(logged).Level);

        var session = await admin.SessionAsync();
        Assert.False(session.GetProperty("claimed").GetBoolean());
        Assert.False(session.GetProperty("signedIn").GetBoolean());

        using (var claim = await admin.PostAsync("api/admin/claim", new { setupCode = setupCode.ToLowerInvariant().Replace("-", " "), password = AdminClient.Password }))
        {
            Assert.Equal(HttpStatusCode.NoContent, claim.StatusCode);
            var cookie = claim.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("appliance-admin=", StringComparison.Ordinal));
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        }

        display = await admin.DisplayAsync();
        Assert.True(display.GetProperty("claimed").GetBoolean());
        Assert.False(display.TryGetProperty("setupCode", out _));

        using (var logout = await admin.PostAsync("api/admin/logout"))
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        using (var refused = await admin.Http.GetAsync("api/admin/settings"))
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using (var login = await admin.PostAsync("api/admin/login", new { password = AdminClient.Password }))
            Assert.Equal(HttpStatusCode.NoContent, login.StatusCode);
        using (var patch = await admin.PatchAsync("api/admin/settings", new { roomName = "Fjord room" }))
        {
            Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
            var change = await AdminClient.BodyAsync(patch);
            Assert.Equal(["roomName"], change.GetProperty("applied").EnumerateArray().Select(e => e.GetString()));
            Assert.Empty(change.GetProperty("restartRequired").EnumerateArray());
        }

        Assert.Equal("Fjord room", (await admin.DisplayAsync()).GetProperty("roomName").GetString());
        var saved = JsonDocument.Parse(File.ReadAllText(Path.Combine(_box.StateDirectory, "settings.json")));
        Assert.Equal("Fjord room", saved.RootElement.GetProperty("Room").GetProperty("Name").GetString());
    }

    [Fact]
    public async Task A_second_claim_is_refused_and_the_first_admin_keeps_the_box()
    {
        using var first = new AdminClient(_box);
        var setupCode = (await first.DisplayAsync()).GetProperty("setupCode").GetString();
        await first.ClaimAsync();

        using var second = new AdminClient(_box);
        using var again = await second.PostAsync("api/admin/claim", new { setupCode, password = "another password here" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        using var login = await second.PostAsync("api/admin/login", new { password = "another password here" });
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
    }

    [Fact]
    public async Task A_short_password_is_refused_with_a_sentence()
    {
        using var admin = new AdminClient(_box);
        var setupCode = (await admin.DisplayAsync()).GetProperty("setupCode").GetString();

        using var response = await admin.PostAsync("api/admin/claim", new { setupCode, password = "short" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await AdminClient.BodyAsync(response);
        Assert.Equal("weak-password", body.GetProperty("error").GetString());
        Assert.Contains("10 to 128 characters", body.GetProperty("message").GetString());
        Assert.False((await admin.DisplayAsync()).GetProperty("claimed").GetBoolean());
    }

    [Fact]
    public async Task Factory_reset_returns_to_unclaimed_with_a_new_setup_code_and_no_settings()
    {
        using var admin = new AdminClient(_box);
        var firstCode = (await admin.DisplayAsync()).GetProperty("setupCode").GetString();
        await admin.ClaimAsync();
        using (await admin.PatchAsync("api/admin/settings", new { roomName = "Before reset" })) { }

        using (var reset = await admin.PostAsync("api/admin/factory-reset"))
            Assert.Equal(HttpStatusCode.Accepted, reset.StatusCode);

        var display = await admin.DisplayAsync();
        Assert.False(display.GetProperty("claimed").GetBoolean());
        Assert.NotEqual(firstCode, display.GetProperty("setupCode").GetString());
        Assert.Equal("Meeting room", display.GetProperty("roomName").GetString());
        Assert.False(File.Exists(Path.Combine(_box.StateDirectory, "admin.json")));
        using var login = await admin.PostAsync("api/admin/login", new { password = AdminClient.Password });
        Assert.Equal(HttpStatusCode.Conflict, login.StatusCode);
    }

    [Fact]
    public async Task Every_admin_route_needs_a_session()
    {
        using var stranger = new AdminClient(_box);
        foreach (var path in new[] { "api/admin/settings", "api/admin/live", "api/admin/logs", "api/admin/diagnostics", "api/admin/certificate" })
        {
            using var response = await stranger.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("not-signed-in", (await AdminClient.BodyAsync(response)).GetProperty("error").GetString());
        }
        using var reset = await stranger.PostAsync("api/admin/factory-reset");
        Assert.Equal(HttpStatusCode.Unauthorized, reset.StatusCode);
        Assert.False(string.IsNullOrEmpty((await stranger.DisplayAsync()).GetProperty("setupCode").GetString()));
    }
}
