using System.Text.Json.Nodes;
using Appliance.Admin.Settings;
using Appliance.Browser.Tests.Echo;
using Appliance.Browser.Tests.JoinPage;
using Appliance.Testing.Browsers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Appliance.Browser.Tests.Display;

/// <summary>A box of its own: the test changes its room code.</summary>
public sealed class CodeChangeFixture() : JoinFlowFixture([]);

/// <summary>
/// The admin changes the room code: the display follows within its refresh, its QR code decodes
/// to the new join URL, and a join page holding the old code is told it expired and what to do.
/// </summary>
[Collection(EchoCollection.Name)]
public sealed class DisplayCodeChangeTests(CodeChangeFixture fixture) : IClassFixture<CodeChangeFixture>
{
    [Fact]
    public async Task When_the_admin_changes_the_code_the_display_follows_and_the_old_code_is_told_it_expired()
    {
        await using var display = await fixture.OpenAsync(BrowserKind.Chromium, 7, "/display");
        var oldCode = fixture.Room.Code;
        await Assertions.Expect(display.Page.Locator("#room-code")).ToHaveTextAsync(oldCode);
        await using var latecomer = await fixture.OpenAsync(BrowserKind.Chromium, 1, $"/?code={oldCode}");

        // What the admin console does when the room code is changed.
        fixture.Box.App.Services.GetRequiredService<SettingsStore>().Save(new Dictionary<string, JsonNode?> { ["Meeting:RoomCode"] = "fresh42" });

        await Assertions.Expect(display.Page.Locator("#room-code")).ToHaveTextAsync("fresh42");
        await display.Page.WaitForFunctionAsync("() => document.querySelector('#qr').complete");
        Assert.Equal($"https://127.0.0.1:{fixture.Box.HttpsPort}/?code=fresh42", await QrDecoder.DecodeAsync(display.Page, "#qr"));
        var form = new JoinForm(latecomer);
        await form.JoinAsync("Late", oldCode);
        await Assertions.Expect(form.Error).ToHaveTextAsync(
            "This room code has expired. The room's screen shows the new one: type it and join again.");
        await Assertions.Expect(form.Meeting).ToBeHiddenAsync();
    }
}
