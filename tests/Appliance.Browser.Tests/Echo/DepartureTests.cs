using Appliance.Conference;
using Appliance.Testing.Browsers;
using Appliance.WebRtc;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Browser.Tests.Echo;

/// <summary>A box that declares a participant gone after 5 s without a connectivity check.</summary>
public sealed class ShortConsentEchoFixture : EchoFixture
{
    public static readonly TimeSpan ConsentTimeout = TimeSpan.FromSeconds(5);

    protected override string[] ExtraBoxArguments => [$"--Media:ConsentTimeoutSeconds={ConsentTimeout.TotalSeconds}"];
}

/// <summary>
/// Participants who go without a word are removed: the box frees their peer connection and
/// ICE session, and takes them out of the directory, whether the page disappeared (its
/// signaling socket closes) or only its media stopped (RFC 7675 consent freshness expires).
/// </summary>
[Collection(EchoCollection.Name)]
public sealed class DepartureTests(ShortConsentEchoFixture fixture) : IClassFixture<ShortConsentEchoFixture>
{
    /// <summary>
    /// Beyond the consent timeout, what the box may take to notice: its consent check runs
    /// on a timer, and on this loaded machine the test's own wake-up can lag by seconds.
    /// </summary>
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(20);

    private ParticipantDirectory Directory => fixture.Box.App.Services.GetRequiredService<ParticipantDirectory>();

    [Fact]
    public async Task A_browser_that_vanishes_is_removed_when_its_signaling_connection_closes()
    {
        var page = await fixture.OpenEchoAsync(BrowserKind.Chromium, 0, codec: "VP8");
        PeerConnection peer;
        Task closed;
        try
        {
            (peer, closed) = await ConnectedPeerAsync(page);
        }
        finally
        {
            await page.DisposeAsync(); // closes the whole browser: no "leave", no ICE, no DTLS close_notify
        }

        await closed.WaitAsync(Margin);

        Assert.Equal("the page closed its connection", peer.CloseReason);
        Assert.Equal(0, Directory.Count);
        Assert.Equal(0, fixture.MediaPort.Agent.SessionCount);
    }

    [Fact]
    public async Task A_participant_whose_media_stops_is_removed_when_ICE_consent_expires()
    {
        await using var page = await fixture.OpenEchoAsync(BrowserKind.Chromium, 0, codec: "VP8");
        var (peer, closed) = await ConnectedPeerAsync(page);

        // The page keeps its signaling socket but closes its RTCPeerConnection: no more
        // connectivity checks, so only consent expiry can tell the box the participant is gone.
        await page.Page.EvaluateAsync("() => window.__echoConnection.pc.close()");
        Assert.Equal(1, Directory.Count);
        await closed.WaitAsync(ShortConsentEchoFixture.ConsentTimeout + Margin);
        var told = await page.WaitForDisconnectedAsync(BrowserLauncher.DefaultTimeout);

        Assert.Contains("consent", peer.CloseReason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, Directory.Count);
        Assert.Equal(0, fixture.MediaPort.Agent.SessionCount);
        // The page is told in words (its session rejoins by itself on this "timeout" code).
        Assert.Contains("connection to the box stopped", told, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Waits until the page's echo flows, then returns the box's side of its connection and a
    /// task that completes when the box closes it (raised after the directory and the ICE agent let go).
    /// </summary>
    private async Task<(PeerConnection Peer, Task Closed)> ConnectedPeerAsync(EchoPage page)
    {
        var participantId = await page.WaitForConnectedAsync();
        await page.WaitForFramesDecodedAsync(10, ChromiumEchoTests.MediaTimeout);
        var participant = Assert.Single(Directory.All, p => p.Id == participantId);
        Assert.Equal(1, fixture.MediaPort.Agent.SessionCount);

        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        participant.Peer.Closed += _ => closed.TrySetResult();
        if (participant.Peer.State is PeerConnectionState.Closed or PeerConnectionState.Failed)
            closed.TrySetResult();
        return (participant.Peer, closed.Task);
    }
}
