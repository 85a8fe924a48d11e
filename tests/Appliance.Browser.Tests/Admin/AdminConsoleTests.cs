using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Browser.Tests.Support;
using Appliance.Testing.Browsers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Appliance.Browser.Tests.Admin;

/// <summary>
/// The first start as a person lives it in a real browser: the setup code read off the room
/// display, a wrong setup code, the right one, the password, signing out and in (a wrong password
/// first), renaming the room, the new name on the room display; screenshots at desktop and phone sizes; every control labelled and the
/// sign-in and settings usable from the keyboard; and the lock-out after repeated wrong passwords.
/// </summary>
public abstract class AdminConsoleTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : AdminConsoleFixture
{
    private string BrowserName => fixture.Kind.ToString().ToLowerInvariant();

    [Fact]
    public async Task First_boot_claim_sign_in_rename_and_the_display_shows_the_new_name()
    {
        var admin = new AdminPage(fixture.Browser);
        using var http = fixture.Box.CreateClient();

        // The room's screen shows the one-time setup code while nobody owns the box.
        await fixture.Browser.GotoAsync(fixture.Box.Site(), "/display");
        var shownCode = admin.Page.Locator("#setup-code");
        await Expect(shownCode).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-Z2-9]{4}-[A-Z2-9]{4}$"));
        var setupCode = await shownCode.InnerTextAsync();
        Assert.Equal((await http.GetFromJsonAsync<JsonElement>("api/display")).GetProperty("setupCode").GetString(), setupCode);

        await admin.OpenAsync(fixture.Box.Site());
        await Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Name = "Claim this box" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(admin.Page, $"admin-claim-phone-{BrowserName}", Screenshots.Phone, fullPage: true);
        Assert.Empty(await admin.UnlabelledControlsAsync());

        // A mistyped confirmation and a wrong code are refused with a sentence that says what to do.
        await admin.ClaimAsync(setupCode, AdminPage.Password, confirm: "something else entirely");
        await Expect(admin.Alert).ToHaveTextAsync("The two passwords differ. Type the same password in both fields.");
        await admin.ClaimAsync("ZZZZ-ZZZZ", AdminPage.Password);
        await Expect(admin.Alert).ToContainTextAsync("That is not the setup code. Type the code shown on the room's screen");

        await admin.ClaimAsync(setupCode, AdminPage.Password);
        await admin.ExpectConsoleAsync();
        await Expect(admin.Alert).ToBeHiddenAsync();

        // Signed out, a wrong password is refused; the right one, typed and sent from the keyboard, signs in.
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await admin.SignInAsync("not the admin password");
        await Expect(admin.Alert).ToHaveTextAsync("The password is not right. Check it and try again.");
        await admin.Page.GetByLabel("Admin password", new() { Exact = true }).FocusAsync();
        await admin.Page.Keyboard.PressAsync("Control+a");
        await admin.Page.Keyboard.TypeAsync(AdminPage.Password);
        await admin.Page.Keyboard.PressAsync("Enter");
        await admin.ExpectConsoleAsync();

        // Rename the room from the keyboard: the field by its label, Enter submits the form.
        var roomName = admin.Page.GetByLabel("Room name");
        await Expect(roomName).ToHaveValueAsync("Meeting room");
        await roomName.FocusAsync();
        await admin.Page.Keyboard.PressAsync("Control+a");
        await admin.Page.Keyboard.TypeAsync("Lighthouse room");
        await admin.Page.Keyboard.PressAsync("Enter");
        await Expect(admin.Page.Locator("#settings-result")).ToHaveTextAsync("Saved. In effect now: Room name.");

        var display = await http.GetFromJsonAsync<JsonElement>("api/display");
        Assert.Equal("Lighthouse room", display.GetProperty("roomName").GetString());
        Assert.False(display.TryGetProperty("setupCode", out _));
        await fixture.Browser.GotoAsync(fixture.Box.Site(), "/display");
        await Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Name = "Lighthouse room" })).ToBeVisibleAsync();
        await Expect(admin.Page.Locator("#setup")).ToBeHiddenAsync();
        await admin.OpenAsync(fixture.Box.Site());
        await admin.ExpectConsoleAsync();

        // A setting out of range is named next to its field and nothing is saved.
        await admin.Page.GetByLabel("Maximum participants").FillAsync("99");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(admin.Page.Locator("#s-maxParticipants-error")).ToHaveTextAsync("Maximum participants: choose 1 to 25 (the grid holds 5×5).");
        await Expect(admin.Page.GetByLabel("Maximum participants")).ToHaveAttributeAsync("aria-invalid", "true");

        await Expect(admin.Page.Locator("#fingerprint")).ToHaveTextAsync(fixture.Box.App.Services
            .GetRequiredService<Appliance.Certificates.CertificateStore>().Fingerprint);
        Assert.Empty(await admin.UnlabelledControlsAsync());
        await Screenshots.SaveAsync(admin.Page, $"admin-desktop-{BrowserName}", Screenshots.Desktop, fullPage: true);
        var phone = await Screenshots.SaveAsync(admin.Page, $"admin-phone-{BrowserName}", Screenshots.Phone, fullPage: true);
        Assert.True(new FileInfo(phone).Length > 10_000, "the phone screenshot is a real picture");
        // On a phone the page scrolls down, never sideways.
        var tooWide = await admin.Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('body *')]
              .filter(el => el.offsetParent !== null && el.getBoundingClientRect().right > window.innerWidth + 1)
              .map(el => `${el.tagName}#${el.id}.${el.className} right=${Math.round(el.getBoundingClientRect().right)}`)
            """);
        Assert.True(tooWide.Length == 0, "wider than a phone's screen: " + string.Join("; ", tooWide.Take(8)));

        // Guessing the password is stopped, and the page says how long to wait.
        await admin.Page.SetViewportSizeAsync(Screenshots.Desktop.Width, Screenshots.Desktop.Height);
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        for (var i = 0; i < 4; i++)
        {
            await admin.SignInAsync($"guess number {i}");
            await Expect(admin.Alert).ToHaveTextAsync("The password is not right. Check it and try again.");
            await admin.Page.EvaluateAsync("() => document.getElementById('error').hidden = true");
        }
        await admin.SignInAsync("guess number 4");
        await Expect(admin.Alert).ToHaveTextAsync("Too many wrong passwords from this device. Wait 5 minutes and try again.");
        await admin.SignInAsync(AdminPage.Password);
        await Expect(admin.Alert).ToContainTextAsync("Wait");
        await Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Name = "Live" })).ToBeHiddenAsync();
    }
}

public sealed class ChromiumAdminConsoleTests(ChromiumAdminConsoleFixture fixture) : AdminConsoleTests<ChromiumAdminConsoleFixture>(fixture);

public sealed class FirefoxAdminConsoleTests(FirefoxAdminConsoleFixture fixture) : AdminConsoleTests<FirefoxAdminConsoleFixture>(fixture);
