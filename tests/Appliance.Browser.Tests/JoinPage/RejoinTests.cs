using Appliance.Browser.Tests.Echo;
using Appliance.Browser.Tests.Meeting;
using Appliance.Testing;
using Appliance.Testing.Browsers;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Appliance.Browser.Tests.JoinPage;

/// <summary>A box on a fixed media port, so a restarted box is the same box on every port.</summary>
public sealed class RestartableBoxFixture() : JoinFlowFixture([$"--Media:UdpPort={RunningAppliance.FreeUdpPort()}"]);

/// <summary>
/// The box restarts under a participant (a power blip, a service restart): the page says it is
/// reconnecting, rejoins the same room under the same name by itself, says it is back and
/// shows the mix again, all without a reload.
/// </summary>
public abstract class RejoinTests(RestartableBoxFixture fixture, ITestOutputHelper output) : IClassFixture<RestartableBoxFixture>
{
    protected abstract BrowserKind Kind { get; }

    [Fact]
    public async Task After_the_box_restarts_the_page_rejoins_by_itself_and_shows_the_mix_again()
    {
        await using var participant = await fixture.OpenAsync(Kind, 0);
        var form = new JoinForm(participant);
        await form.JoinAsync("Rosalind", fixture.Room.Code);
        var meeting = new MeetingPage(participant);
        var before = await meeting.WaitForConnectedAsync();
        await meeting.WaitForFramesDecodedAsync(10, JoinForm.MediaTimeout);
        // Every sentence the banner shows from now on, in order; and a mark a reload would wipe.
        await participant.Page.EvaluateAsync("""
            () => {
              window.sameDocument = true;
              window.bannerSentences = [];
              const banner = document.querySelector('#banner');
              new MutationObserver(() => { if (!banner.hidden) window.bannerSentences.push(banner.textContent); })
                .observe(banner, { childList: true, characterData: true, subtree: true, attributes: true });
            }
            """);

        fixture.Box = await fixture.Box.RestartAsync();

        var after = await meeting.WaitForConnectedAsync();
        var stats = await meeting.WaitForFramesDecodedAsync(10, JoinForm.MediaTimeout);
        await Assertions.Expect(form.Banner).ToHaveTextAsync("You are back in the meeting.");
        var sentences = await participant.Page.EvaluateAsync<string[]>("() => [...new Set(window.bannerSentences)]");
        output.WriteLine($"banner: {string.Join(" → ", sentences)}; {stats}");
        Assert.Equal(["Reconnecting to the box…", "You are back in the meeting."], sentences);
        Assert.True(await participant.Page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        Assert.NotEqual(before, after);
        Assert.Equal(1, fixture.Room.Count);
        await Assertions.Expect(form.Meeting).ToBeVisibleAsync();
    }
}

[Collection(EchoCollection.Name)]
public sealed class ChromiumRejoinTests(RestartableBoxFixture fixture, ITestOutputHelper output) : RejoinTests(fixture, output)
{
    protected override BrowserKind Kind => BrowserKind.Chromium;
}

[Collection(EchoCollection.Name)]
public sealed class FirefoxRejoinTests(RestartableBoxFixture fixture, ITestOutputHelper output) : RejoinTests(fixture, output)
{
    protected override BrowserKind Kind => BrowserKind.Firefox;
}
