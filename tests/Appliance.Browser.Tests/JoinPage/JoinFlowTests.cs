using System.Text.RegularExpressions;
using Appliance.Browser.Tests.Echo;
using Appliance.Conference;
using Microsoft.Extensions.DependencyInjection;
using Appliance.Browser.Tests.Meeting;
using Appliance.Browser.Tests.Support;
using Appliance.Testing.Browsers;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Appliance.Browser.Tests.JoinPage;

/// <summary>
/// The join page in each real browser (issue 5): joining with the code shows the mix filling
/// the window with a connection-quality word; a wrong code gets a sentence and no join; the
/// name is remembered and the code comes from the link; every control has a label and works
/// from the keyboard; screenshots at desktop and phone sizes.
/// </summary>
public abstract class JoinFlowTests(JoinFlowFixture fixture, ITestOutputHelper output) : IClassFixture<JoinFlowFixture>
{
    protected abstract BrowserKind Kind { get; }

    private string Browser => Kind.ToString().ToLowerInvariant();

    [Fact]
    public async Task Joining_with_the_code_from_the_link_shows_the_mix_filling_the_window_and_the_connection_quality()
    {
        await using var participant = await fixture.OpenAsync(Kind, 0, $"/?code={fixture.Room.Code}");
        var form = new JoinForm(participant);
        await Assertions.Expect(form.Code).ToHaveValueAsync(fixture.Room.Code);
        await Screenshots.SaveAsync(form.Page, $"join-prejoin-desktop-{Browser}", Screenshots.Desktop);
        await Screenshots.SaveAsync(form.Page, $"join-prejoin-phone-{Browser}", Screenshots.Phone);
        await form.Page.SetViewportSizeAsync(Screenshots.Desktop.Width, Screenshots.Desktop.Height);

        await form.Name.FillAsync("Ada");
        await Assertions.Expect(form.JoinButton).ToBeEnabledAsync(new() { Timeout = (float)JoinForm.MediaTimeout.TotalMilliseconds });
        await form.JoinButton.ClickAsync();
        var meeting = new MeetingPage(participant);
        await meeting.WaitForConnectedAsync();
        var stats = await meeting.WaitForFramesDecodedAsync(15, JoinForm.MediaTimeout);

        await Assertions.Expect(form.Meeting).ToBeVisibleAsync();
        await Assertions.Expect(form.Name).ToBeHiddenAsync();
        var box = await form.Page.Locator("#remote").BoundingBoxAsync();
        Assert.Equal((0f, 0f, 1280f, 800f), (box!.X, box.Y, box.Width, box.Height));
        await Assertions.Expect(form.Quality.Locator(".quality-text")).ToHaveTextAsync(new Regex("^Connection (good|fair|poor)$"),
            new() { Timeout = (float)JoinForm.MediaTimeout.TotalMilliseconds });
        var figures = await form.Quality.Locator(".quality-figures").TextContentAsync();
        output.WriteLine($"{stats}; quality {await form.Quality.GetAttributeAsync("data-quality")}: {figures}");
        Assert.Matches(@"\d+ frames per second", figures);
        Assert.Equal(1, fixture.Room.Count);

        await meeting.WaitForFramesDecodedAsync(stats.FramesDecoded + 5, JoinForm.MediaTimeout);
        await Screenshots.SaveAsync(form.Page, $"join-meeting-desktop-{Browser}", Screenshots.Desktop);
        await Screenshots.SaveAsync(form.Page, $"join-meeting-phone-{Browser}", Screenshots.Phone);
    }

    [Fact]
    public async Task A_wrong_code_says_to_check_the_code_on_the_rooms_screen_and_joins_nobody()
    {
        await using var participant = await fixture.OpenAsync(Kind, 1);
        var form = new JoinForm(participant);

        await form.JoinAsync("Grace", "not-the-code");

        await Assertions.Expect(form.Error).ToHaveTextAsync(
            "There is no meeting with this code. Check the code on the room's screen and type it again.");
        await Assertions.Expect(form.JoinButton).ToBeEnabledAsync();
        await Assertions.Expect(form.Meeting).ToBeHiddenAsync();
        Assert.DoesNotContain(fixture.Box.App.Services.GetRequiredService<ParticipantDirectory>().All, p => p.Name == "Grace");
    }

    [Fact]
    public async Task The_name_is_remembered_and_the_room_code_comes_from_the_link()
    {
        await using var participant = await fixture.OpenAsync(Kind, 2);
        var form = new JoinForm(participant);
        await form.JoinAsync("Hedy", "wrong");
        await Assertions.Expect(form.Error).ToBeVisibleAsync();

        await participant.GotoAsync(fixture.Site, "/?code=abc123");

        await Assertions.Expect(form.Name).ToHaveValueAsync("Hedy");
        await Assertions.Expect(form.Code).ToHaveValueAsync("abc123");
    }

    [Fact]
    public async Task Every_control_is_labelled_shows_the_devices_and_works_from_the_keyboard()
    {
        await using var participant = await fixture.OpenAsync(Kind, 3);
        var form = new JoinForm(participant);
        // After permission the pickers list the fake devices, the one in use chosen.
        await Assertions.Expect(form.Camera).ToBeEnabledAsync();
        await Assertions.Expect(form.Microphone).ToBeEnabledAsync();
        Assert.NotEqual("", await form.Camera.InputValueAsync());
        Assert.NotEqual("", await form.Microphone.InputValueAsync());
        // The fake microphone plays a -6 dBFS tone: the meter shows it.
        await form.Page.WaitForFunctionAsync("() => document.querySelector('#mic-level').value > 0.5");
        await Assertions.Expect(form.JoinButton).ToBeEnabledAsync(new() { Timeout = (float)JoinForm.MediaTimeout.TotalMilliseconds });

        // Keyboard only: Tab walks name, code, camera, microphone, Join in that order, Enter joins.
        await form.Name.FocusAsync();
        await form.Page.Keyboard.TypeAsync("Katherine");
        string[] order = ["code", "camera", "microphone"];
        foreach (var id in order)
        {
            await form.Page.Keyboard.PressAsync("Tab");
            Assert.Equal(id, await form.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        }
        await form.Page.Keyboard.PressAsync("Tab");
        Assert.Equal("Join", await form.Page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        // Focus is visible: the focused control draws an outline.
        Assert.NotEqual("none", await form.Page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));
        await form.Code.FocusAsync();
        await form.Page.Keyboard.TypeAsync("typed-by-keyboard");
        await form.Page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(form.Error).ToContainTextAsync("There is no meeting with this code");
    }
}

[Collection(EchoCollection.Name)]
public sealed class ChromiumJoinFlowTests(JoinFlowFixture fixture, ITestOutputHelper output) : JoinFlowTests(fixture, output)
{
    protected override BrowserKind Kind => BrowserKind.Chromium;
}

[Collection(EchoCollection.Name)]
public sealed class FirefoxJoinFlowTests(JoinFlowFixture fixture, ITestOutputHelper output) : JoinFlowTests(fixture, output)
{
    protected override BrowserKind Kind => BrowserKind.Firefox;
}
