using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Browser.Tests.Meeting;
using Appliance.Browser.Tests.Support;
using Appliance.Testing.Browsers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Appliance.Browser.Tests.Admin;

/// <summary>
/// The live view of a running meeting with real Chromium participants: both listed with their
/// codec and non-zero bitrates, the mix's thumbnail shown, and "Remove" takes one out of the meeting.
/// </summary>
public sealed class AdminLiveTests(MeetingFixture fixture) : IClassFixture<MeetingFixture>
{
    private static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_live_view_lists_the_participants_with_bitrates_and_remove_takes_one_out()
    {
        await using var first = await fixture.JoinAsync(BrowserKind.Chromium, 0);
        await using var second = await fixture.JoinAsync(BrowserKind.Chromium, 1);
        await first.WaitForFramesDecodedAsync(30, MediaTimeout);

        await using var browser = await fixture.Browsers.OpenAsync(BrowserKind.Chromium, fixture.Media.Participant(7), fixture.Site);
        var admin = new AdminPage(browser);
        using var http = fixture.Box.CreateClient();
        var setupCode = (await http.GetFromJsonAsync<JsonElement>("api/display")).GetProperty("setupCode").GetString()!;
        await admin.OpenAsync(fixture.Site);
        await admin.ClaimAsync(setupCode, AdminPage.Password);
        await admin.ExpectConsoleAsync();

        // Both rows, each with the codec its browser negotiated and media flowing both ways.
        var rows = admin.Page.Locator("#participants tbody tr");
        var p0 = rows.Filter(new() { HasText = "P0" });
        var p1 = rows.Filter(new() { HasText = "P1" });
        await Expect(rows).ToHaveCountAsync(2, new() { Timeout = (float)MediaTimeout.TotalMilliseconds });
        await Expect(p0).ToContainTextAsync("H264");
        var wait = new LocatorAssertionsToHaveTextOptions { Timeout = (float)MediaTimeout.TotalMilliseconds };
        foreach (var row in new[] { p0, p1 })
        {
            // "In" and "Out" (columns 4 and 5) read like "812 kbit/s" or "1.2 Mbit/s", never 0.
            await Expect(row.Locator("td").Nth(3)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^([1-9]\d* kbit/s|\d+\.\d Mbit/s)$"), wait);
            await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^([1-9]\d* kbit/s|\d+\.\d Mbit/s)$"), wait);
            await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+×\d+ at [\d.]+ fps$"), wait);
        }
        await Expect(admin.Page.Locator("#encoders")).ToContainTextAsync("H264 640x360@30");

        // The thumbnail is the box's composed picture.
        var mix = admin.Page.GetByRole(AriaRole.Img, new() { Name = "The meeting's picture as participants see it" });
        await Expect(mix).ToBeVisibleAsync(new() { Timeout = (float)MediaTimeout.TotalMilliseconds });
        Assert.Equal(320, await mix.EvaluateAsync<int>("img => img.naturalWidth"));
        await Screenshots.SaveAsync(admin.Page, "admin-live-desktop-chromium", Screenshots.Desktop, fullPage: true);
        await Screenshots.SaveAsync(admin.Page, "admin-live-phone-chromium", Screenshots.Phone, fullPage: true);
        await admin.Page.SetViewportSizeAsync(Screenshots.Desktop.Width, Screenshots.Desktop.Height);

        // Mute, then remove P1, found by the buttons' accessible names.
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Mute P1" }).ClickAsync();
        await Expect(p1.Locator("td").First).ToHaveTextAsync("P1 (muted)");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Remove P1" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(p0).ToHaveCountAsync(1);
        Assert.Equal(1, fixture.Room.Count);
        Assert.DoesNotContain(fixture.Room.Snapshot(), s => s.Name == "P1");
    }
}
