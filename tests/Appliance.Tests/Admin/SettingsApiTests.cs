using System.Net;
using System.Text.Json;
using Appliance.Conference;
using Appliance.Testing;
using Microsoft.Extensions.Options;

namespace Appliance.Tests.Admin;

public sealed class SettingsApiTests : ClaimedBoxTests
{
    [Fact]
    public async Task The_settings_and_the_probe_results_are_listed()
    {
        using var response = await Client.Http.GetAsync("api/admin/settings");
        var body = await AdminClient.BodyAsync(response);

        var settings = body.GetProperty("settings");
        Assert.Equal("Meeting room", settings.GetProperty("roomName").GetString());
        Assert.Equal("fixed", settings.GetProperty("codePolicy").GetString());
        Assert.Equal(25, settings.GetProperty("maxParticipants").GetInt32());
        Assert.Equal(["H264", "VP8"], settings.GetProperty("codecPreference").EnumerateArray().Select(e => e.GetString()));
        Assert.True(settings.GetProperty("lanOnly").GetBoolean());
        var software = body.GetProperty("probe").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "software");
        Assert.True(software.GetProperty("present").GetBoolean());
    }

    [Fact]
    public async Task Each_invalid_setting_is_named_and_nothing_is_saved()
    {
        using var response = await Client.PatchAsync("api/admin/settings",
            new { roomName = "Renamed", maxParticipants = 99, width = 1281, codecPreference = new[] { "AV1" }, encoderProvider = "quantum", interfaces = new[] { "not-an-ip" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await AdminClient.BodyAsync(response);
        Assert.Equal("invalid-settings", body.GetProperty("error").GetString());
        var errors = body.GetProperty("errors").EnumerateArray().ToDictionary(e => e.GetProperty("setting").GetString()!, e => e.GetProperty("message").GetString()!);
        Assert.Equal(["maxParticipants", "width", "codecPreference", "encoderProvider", "interfaces"], errors.Keys);
        Assert.StartsWith("Maximum participants: choose 1 to 25", errors["maxParticipants"]);
        Assert.StartsWith("Output width: choose an even number", errors["width"]);
        Assert.Equal("Meeting room", (await Client.DisplayAsync()).GetProperty("roomName").GetString());
        Assert.False(File.Exists(Path.Combine(Box.StateDirectory, "settings.json")));
    }

    [Fact]
    public async Task A_change_that_would_stop_theBox_starting_is_refused()
    {
        // The test box's HTTP port: an HTTPS port equal to it would fail start-up's check.
        using var response = await Client.PatchAsync("api/admin/settings", new { httpsPort = Box.HttpPort });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await AdminClient.BodyAsync(response)).GetProperty("message").GetString();
        Assert.Contains("Appliance:HttpPort and Appliance:HttpsPort", message);
    }

    [Fact]
    public async Task Live_settings_apply_at_once_and_the_others_say_they_need_a_restart()
    {
        using var response = await Client.PatchAsync("api/admin/settings",
            new { maxParticipants = 3, frameRate = 15, codecPreference = new[] { "VP8", "H264" }, encoderProvider = "software", lanOnly = false });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AdminClient.BodyAsync(response);
        Assert.Equal(["maxParticipants", "lanOnly"], Names(body.GetProperty("applied")));
        Assert.Equal(["frameRate", "codecPreference", "encoderProvider"], Names(body.GetProperty("restartRequired")));
        Assert.Equal(3, Box.App.Services.GetRequiredService<IOptionsMonitor<MeetingOptions>>().CurrentValue.MaxParticipants);

        // The saved lists replace the defaults rather than being appended to them.
        var settings = body.GetProperty("settings");
        Assert.Equal(["VP8", "H264"], Names(settings.GetProperty("codecPreference")));
        Assert.Equal("software", settings.GetProperty("encoderProvider").GetString());
        var saved = JsonDocument.Parse(File.ReadAllText(Path.Combine(Box.StateDirectory, "settings.json"))).RootElement;
        Assert.Equal(["software"], Names(saved.GetProperty("Hwaccel").GetProperty("EncoderPreference")));
        Assert.Equal(3, saved.GetProperty("Meeting").GetProperty("MaxParticipants").GetInt32());
    }

    [Fact]
    public async Task The_saved_settings_are_read_at_the_next_start()
    {
        using (await Client.PatchAsync("api/admin/settings", new { roomName = "Kept across restarts", codePolicy = "rotating", rotationMinutes = 5 })) { }
        var copy = Directory.CreateTempSubdirectory("appliance-test-state-").FullName;
        File.Copy(Path.Combine(Box.StateDirectory, "settings.json"), Path.Combine(copy, "settings.json"));

        await using var restarted = await RunningAppliance.StartAsync($"--Appliance:StateDirectory={copy}");
        using var reader = new AdminClient(restarted);
        var display = await reader.DisplayAsync();

        Assert.Equal("Kept across restarts", display.GetProperty("roomName").GetString());
        Assert.Equal("rotating", display.GetProperty("codePolicy").GetString());
        Assert.Matches("^[0-9]{6}$", display.GetProperty("roomCode").GetString());
    }

    private static string[] Names(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();
}
