using Appliance.Browser.Tests.Echo;
using Appliance.Browser.Tests.JoinPage;
using Appliance.Browser.Tests.Support;
using Appliance.Testing.Browsers;
using Microsoft.Playwright;

namespace Appliance.Browser.Tests.Display;

/// <summary>
/// The room display (/display) in each real browser (issue 5): the room's name, the box's
/// address and the room code in large type, and a QR code that a phone decodes to the join
/// page's URL with the code, which opens the join page with the code filled in.
/// </summary>
public abstract class DisplayTests(JoinFlowFixture fixture) : IClassFixture<JoinFlowFixture>
{
    protected abstract BrowserKind Kind { get; }

    private string Browser => Kind.ToString().ToLowerInvariant();

    private string JoinUrl => $"https://127.0.0.1:{fixture.Box.HttpsPort}/?code={fixture.Room.Code}";

    [Fact]
    public async Task The_display_shows_the_room_name_the_address_and_the_code_in_large_type()
    {
        await using var display = await fixture.OpenAsync(Kind, 4, "/display");
        var page = display.Page;
        await page.SetViewportSizeAsync(Screenshots.Desktop.Width, Screenshots.Desktop.Height);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Meeting room");
        await Assertions.Expect(page.Locator("#address")).ToHaveTextAsync($"127.0.0.1:{fixture.Box.HttpsPort}");
        var code = page.Locator("#room-code");
        await Assertions.Expect(code).ToHaveTextAsync(fixture.Room.Code);
        var size = await code.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(size >= 96, $"the room code is {size}px high; it must be readable across a room");
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code that opens the join page with the room code filled in" }).First)
            .ToBeVisibleAsync();

        await page.Locator("#qr").EvaluateAsync("img => img.decode()");
        await Screenshots.SaveAsync(page, $"display-desktop-{Browser}", Screenshots.Desktop);
        await Screenshots.SaveAsync(page, $"display-phone-{Browser}", Screenshots.Phone);
    }

    [Fact]
    public async Task The_QR_code_decodes_to_the_join_url_with_the_code_and_opens_the_join_page_with_it()
    {
        await using var display = await fixture.OpenAsync(Kind, 5, "/display");
        await Assertions.Expect(display.Page.Locator("#room-code")).ToHaveTextAsync(fixture.Room.Code);

        var decoded = await QrDecoder.DecodeAsync(display.Page, "#qr");

        Assert.Equal(JoinUrl, decoded);
        await display.Page.GotoAsync(decoded!);
        await Assertions.Expect(new JoinForm(display).Code).ToHaveValueAsync(fixture.Room.Code);
    }
}

[Collection(EchoCollection.Name)]
public sealed class ChromiumDisplayTests(JoinFlowFixture fixture) : DisplayTests(fixture)
{
    protected override BrowserKind Kind => BrowserKind.Chromium;
}

[Collection(EchoCollection.Name)]
public sealed class FirefoxDisplayTests(JoinFlowFixture fixture) : DisplayTests(fixture)
{
    protected override BrowserKind Kind => BrowserKind.Firefox;
}
