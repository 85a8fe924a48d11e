using System.Diagnostics;
using Appliance.Browser.Tests.Echo;
using Appliance.Browser.Tests.Meeting;
using Appliance.Testing.Browsers;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Appliance.Browser.Tests.JoinPage;

/// <summary>
/// Issue #8 part 5: the box is SIGKILLed under a participant (power cut, OOM killer) and started again on the same
/// state. The page notices at once (its signaling socket closes with the process), keeps retrying, and is back in the
/// meeting, decoding the new box's mix, within 5 s of the new box serving /healthz, without a reload.
/// </summary>
[Collection(EchoCollection.Name)]
public sealed class KillRejoinTests(KilledBoxFixture fixture, ITestOutputHelper output) : IClassFixture<KilledBoxFixture>
{
    /// <summary>The issue's requirement: back within 5 s of the box being back.</summary>
    private static readonly TimeSpan RejoinLimit = TimeSpan.FromSeconds(5);

    // Polls the page's current connection (one getStats() in flight) and keeps the wall-clock moment it first
    // decoded a frame on a connection other than the one before the kill: the page is back and showing the mix.
    private const string WatchForReturn = """
        before => {
          window.sameDocument = true;
          window.bannerSentences = [];
          const banner = document.querySelector('#banner');
          new MutationObserver(() => { if (!banner.hidden) window.bannerSentences.push(banner.textContent); })
            .observe(banner, { childList: true, characterData: true, subtree: true, attributes: true });
          let pending = false;
          const poll = setInterval(() => {
            const meeting = window.appliance?.meeting;
            if (pending || !meeting || meeting.participantId === before || meeting.pc.connectionState !== 'connected') return;
            pending = true;
            meeting.pc.getStats().then(report => {
              const decoded = [...report.values()].some(s => s.type === 'inbound-rtp' && s.kind === 'video' && s.framesDecoded > 0);
              if (decoded && window.backAt === undefined) { window.backAt = Date.now(); window.backAs = meeting.participantId; clearInterval(poll); }
            }).finally(() => { pending = false; });
          }, 20);
        }
        """;

    [Fact]
    public async Task After_the_box_is_killed_and_started_again_Chromium_rejoins_by_itself_within_5_s()
    {
        await using var participant = await fixture.OpenAsync(BrowserKind.Chromium, 0);
        var form = new JoinForm(participant);
        await form.JoinAsync("Grace", "meeting");
        var meeting = new MeetingPage(participant);
        var before = await meeting.WaitForConnectedAsync();
        await meeting.WaitForFramesDecodedAsync(10, JoinForm.MediaTimeout);
        await participant.Page.EvaluateAsync(WatchForReturn, before);

        var killedAt = Stopwatch.GetTimestamp();
        await fixture.KillAndStartAgainAsync();
        // /healthz first answered at ServingSince; the page keeps its time in Date.now(), the same system clock.
        var servingUnixMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - (long)Stopwatch.GetElapsedTime(fixture.Box.ServingSince).TotalMilliseconds;
        var downFor = Stopwatch.GetElapsedTime(killedAt, fixture.Box.ServingSince);

        try
        {
            await participant.Page.WaitForFunctionAsync("() => window.backAt !== undefined", null,
                new PageWaitForFunctionOptions { PollingInterval = 100, Timeout = (float)JoinForm.MediaTimeout.TotalMilliseconds });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"the page never came back to the restarted box: {await form.DescribeAsync()}", e);
        }
        var backAt = await participant.Page.EvaluateAsync<long>("() => window.backAt");
        var back = TimeSpan.FromMilliseconds(backAt - servingUnixMs);
        await Assertions.Expect(form.Banner).ToHaveTextAsync("You are back in the meeting.");
        var sentences = await participant.Page.EvaluateAsync<string[]>("() => [...new Set(window.bannerSentences)]");
        output.WriteLine($"killed; the new box served /healthz {downFor.TotalSeconds:F1} s later; the page decoded its mix "
            + $"{back.TotalSeconds:F2} s after that; banner: {string.Join(" → ", sentences)}");

        Assert.True(await participant.Page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the page was reloaded");
        Assert.Equal(["Reconnecting to the box…", "You are back in the meeting."], sentences);
        Assert.NotEqual(before, await participant.Page.EvaluateAsync<string>("() => window.backAs"));
        Assert.True(back <= RejoinLimit, $"the page was back {back.TotalSeconds:F2} s after the box served again; at most {RejoinLimit.TotalSeconds:F0} s");
        await meeting.WaitForFramesDecodedAsync(10, JoinForm.MediaTimeout);
    }
}
