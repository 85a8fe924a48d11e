using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Appliance.Testing;

namespace Appliance.Tests.Admin;

/// <summary>One browser's view of the admin API: its own cookie jar and antiforgery token.</summary>
public sealed class AdminClient(RunningAppliance box) : IDisposable
{
    public const string Password = "correct horse battery";

    public HttpClient Http { get; } = box.CreateClient();
    public string? CsrfToken { get; private set; }

    public async Task<JsonElement> SessionAsync()
    {
        var session = await Http.GetFromJsonAsync<JsonElement>("api/admin/session");
        CsrfToken = session.GetProperty("csrfToken").GetString();
        return session;
    }

    public async Task<JsonElement> DisplayAsync() => await Http.GetFromJsonAsync<JsonElement>("api/display");

    public Task<HttpResponseMessage> PostAsync(string path, object? body = null, bool withToken = true) =>
        SendAsync(HttpMethod.Post, path, body is null ? null : JsonSerializer.Serialize(body), withToken);

    public Task<HttpResponseMessage> PatchAsync(string path, object body) =>
        SendAsync(HttpMethod.Patch, path, JsonSerializer.Serialize(body), withToken: true);

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json, bool withToken = true)
    {
        if (withToken && CsrfToken is null)
            await SessionAsync();
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (withToken)
            request.Headers.Add("X-CSRF-TOKEN", CsrfToken);
        return await Http.SendAsync(request);
    }

    /// <summary>Claims the box with the setup code the room display shows.</summary>
    public async Task ClaimAsync()
    {
        var display = await DisplayAsync();
        var setupCode = display.GetProperty("setupCode").GetString();
        using var response = await PostAsync("api/admin/claim", new { setupCode, password = Password });
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    public void Dispose() => Http.Dispose();
}
