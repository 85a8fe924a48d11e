using Appliance.Browser.Tests.Support;
using Appliance.Testing;
using Appliance.Testing.Browsers;
using Appliance.Testing.Network;

namespace Appliance.Browser.Tests.JoinPage;

/// <summary>
/// The box as a child process (so it can be SIGKILLed) on a fixed media port, announcing the private test network's
/// address so Chromium checks its candidate; the meeting at 640x360 as in <see cref="JoinFlowFixture"/>, one
/// Playwright driver and the participants' fake media. <see cref="KillAndStartAgainAsync"/> kills it and starts a
/// new process on the same state folder and ports: the same certificate, address and room.
/// </summary>
public sealed class KilledBoxFixture : BoxAndBrowsersFixture<ApplianceProcess>
{
    public override TrustedSite Site => new(Box.BaseUri, Box.Certificate);

    protected override async Task<ApplianceProcess> StartBoxAsync()
    {
        await PrivateTestNetwork.EnsureAsync();
        using var starting = new CancellationTokenSource(ApplianceProcess.StartTimeout * 2);
        return await ApplianceProcess.StartAsync(ApplianceProcess.DefaultDll, PrivateTestNetwork.BoxArguments(
            [$"--Media:UdpPort={RunningAppliance.FreeUdpPort()}", "--Meeting:Width=640", "--Meeting:Height=360", "--Meeting:FrameRate=30"]),
            starting.Token);
    }

    /// <summary>SIGKILLs the box, starts it again on the same state and ports, and returns once its /healthz answers.</summary>
    public async Task KillAndStartAgainAsync()
    {
        Box.Kill();
        using var starting = new CancellationTokenSource(ApplianceProcess.StartTimeout * 2);
        var next = await Box.StartAgainAsync(starting.Token);
        await Box.DisposeAsync(); // the killed process's handles; the new one owns the state folder
        Box = next;
    }

    /// <summary>Starts participant <paramref name="index"/>'s browser on the join page; the caller disposes it.</summary>
    public Task<BrowserParticipant> OpenAsync(BrowserKind kind, int index) =>
        OpenAsync(kind, index, async participant =>
        {
            await participant.GotoAsync(Site);
            return participant;
        });
}
