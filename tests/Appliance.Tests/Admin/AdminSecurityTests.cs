using System.Net;
using System.Text;
using Appliance.Testing;

namespace Appliance.Tests.Admin;

/// <summary>Guessing limits, antiforgery, and JSON bodies treated as hostile input.</summary>
public sealed class AdminSecurityTests : IAsyncLifetime
{
    private RunningAppliance _box = null!;

    public async Task InitializeAsync() => _box = await RunningAppliance.StartAsync();
    public async Task DisposeAsync() => await _box.DisposeAsync();

    [Fact]
    public async Task Wrong_setup_codes_are_refused_then_the_address_is_locked_out_even_for_the_right_code()
    {
        using var admin = new AdminClient(_box);
        var setupCode = (await admin.DisplayAsync()).GetProperty("setupCode").GetString();
        for (var i = 0; i < 4; i++)
        {
            using var wrong = await admin.PostAsync("api/admin/claim", new { setupCode = "AAAA-AAAA", password = AdminClient.Password });
            Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
            Assert.Equal("wrong-setup-code", (await AdminClient.BodyAsync(wrong)).GetProperty("error").GetString());
        }
        using (var fifth = await admin.PostAsync("api/admin/claim", new { setupCode = "AAAA-AAAA", password = AdminClient.Password }))
            AssertLockedOut(fifth, await AdminClient.BodyAsync(fifth));

        using var right = await admin.PostAsync("api/admin/claim", new { setupCode, password = AdminClient.Password });
        AssertLockedOut(right, await AdminClient.BodyAsync(right));
        Assert.False((await admin.DisplayAsync()).GetProperty("claimed").GetBoolean());
    }

    [Fact]
    public async Task Wrong_passwords_are_refused_then_the_address_is_locked_out_even_for_the_right_one()
    {
        using var admin = new AdminClient(_box);
        await admin.ClaimAsync();
        for (var i = 0; i < 4; i++)
        {
            using var wrong = await admin.PostAsync("api/admin/login", new { password = "not the password" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Equal("wrong-password", (await AdminClient.BodyAsync(wrong)).GetProperty("error").GetString());
        }
        using (var fifth = await admin.PostAsync("api/admin/login", new { password = "not the password" }))
            AssertLockedOut(fifth, await AdminClient.BodyAsync(fifth));
        using var right = await admin.PostAsync("api/admin/login", new { password = AdminClient.Password });
        AssertLockedOut(right, await AdminClient.BodyAsync(right));
    }

    private static void AssertLockedOut(HttpResponseMessage response, System.Text.Json.JsonElement body)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter!.Value.TotalSeconds, 1, 300);
        Assert.Equal("too-many-attempts", body.GetProperty("error").GetString());
        Assert.Equal((int)retryAfter.Value.TotalSeconds, body.GetProperty("retryAfterSeconds").GetInt32());
        Assert.Matches("Wait \\d+ (seconds|minutes) and try again\\.", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_state_changing_request_without_the_antiforgery_token_is_refused()
    {
        using var admin = new AdminClient(_box);
        await admin.ClaimAsync();

        using var withoutToken = await admin.PostAsync("api/admin/certificate/reissue", withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        var body = await AdminClient.BodyAsync(withoutToken);
        Assert.Equal("antiforgery", body.GetProperty("error").GetString());
        Assert.Contains("Reload the page", body.GetProperty("message").GetString());

        using var patch = new HttpRequestMessage(HttpMethod.Patch, "api/admin/settings")
        {
            Content = new StringContent("""{"roomName":"Forged"}""", Encoding.UTF8, "application/json"),
        };
        patch.Headers.Add("X-CSRF-TOKEN", "forged-token");
        using var forged = await admin.Http.SendAsync(patch);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("Meeting room", (await admin.DisplayAsync()).GetProperty("roomName").GetString());

        // Another browser's token does not fit this browser's antiforgery cookie.
        using var other = new AdminClient(_box);
        await other.SessionAsync();
        using var crossed = new HttpRequestMessage(HttpMethod.Post, "api/admin/certificate/reissue");
        crossed.Headers.Add("X-CSRF-TOKEN", other.CsrfToken);
        using var refused = await admin.Http.SendAsync(crossed);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }

    [Fact]
    public async Task An_unknown_field_is_refused_naming_the_field()
    {
        using var admin = new AdminClient(_box);
        await admin.ClaimAsync();

        using var response = await admin.SendAsync(HttpMethod.Patch, "api/admin/settings", """{"roomName":"X","roomColour":"blue"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await AdminClient.BodyAsync(response);
        Assert.Equal("invalid-json", body.GetProperty("error").GetString());
        Assert.Contains("\"roomColour\" is not known", body.GetProperty("message").GetString());
        Assert.Equal("Meeting room", (await admin.DisplayAsync()).GetProperty("roomName").GetString());
    }

    [Theory]
    [InlineData("""{"maxParticipants":"many"}""", "\"maxParticipants\" has a value of the wrong kind")]
    [InlineData("""{"roomName":""", "not valid JSON")]
    [InlineData("""[1,2]""", "not valid JSON")]
    public async Task Malformed_json_is_refused_with_a_sentence(string json, string expected)
    {
        using var admin = new AdminClient(_box);
        await admin.ClaimAsync();

        using var response = await admin.SendAsync(HttpMethod.Patch, "api/admin/settings", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, (await AdminClient.BodyAsync(response)).GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_oversized_body_is_refused()
    {
        using var admin = new AdminClient(_box);
        await admin.ClaimAsync();

        using var response = await admin.SendAsync(HttpMethod.Patch, "api/admin/settings",
            "{\"roomName\":\"" + new string('x', 20_000) + "\"}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var body = await AdminClient.BodyAsync(response);
        Assert.Equal("too-large", body.GetProperty("error").GetString());
        Assert.Contains("16384 bytes", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_refused()
    {
        using var admin = new AdminClient(_box);
        await admin.SessionAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/admin/login")
        {
            Content = new StringContent("password=x", Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Add("X-CSRF-TOKEN", admin.CsrfToken);

        using var response = await admin.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_ends_other_sessions()
    {
        using var admin = new AdminClient(_box);
        await admin.ClaimAsync();
        using var laptop = new AdminClient(_box);
        using (await laptop.PostAsync("api/admin/login", new { password = AdminClient.Password })) { }
        using (var ok = await laptop.Http.GetAsync("api/admin/settings"))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        using (var change = await admin.PostAsync("api/admin/password", new { currentPassword = AdminClient.Password, newPassword = "a new long password" }))
            Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);

        using (var ended = await laptop.Http.GetAsync("api/admin/settings"))
            Assert.Equal(HttpStatusCode.Unauthorized, ended.StatusCode);
        using (var stillIn = await admin.Http.GetAsync("api/admin/settings"))
            Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }
}
