using Appliance.Testing;
using Appliance.Testing.Browsers;
using Appliance.Testing.FakeMedia;
using Appliance.Testing.Network;
using Microsoft.Playwright;

namespace Appliance.Browser.Tests.JoinPage;

/// <summary>
/// The box as a child process (so it can be SIGKILLed) on a fixed media port, announcing the private test network's
/// address so Chromium checks its candidate; the meeting at 640x360 as in <see cref="JoinFlowFixture"/>, one
/// Playwright driver and the participants' fake media. <see cref="KillAndStartAgainAsync"/> kills it and starts a
/// new process on the same state folder and ports: the same certificate, address and room.
/// </summary>
public sealed class KilledBoxFixture : IAsyncLifetime
{
    private BrowserLauncher? _browsers;

    public FakeMediaFolder Media { get; } = new();
    public ApplianceProcess Box { get; private set; } = null!;
    public BrowserLauncher Browsers => _browsers ?? throw new InvalidOperationException("The fixture has not been initialised.");
    public TrustedSite Site => new(Box.BaseUri, Box.Certificate);

    public async Task InitializeAsync()
    {
        try
        {
            Assertions.SetDefaultExpectTimeout((float)BrowserLauncher.DefaultTimeout.TotalMilliseconds);
            await PrivateTestNetwork.EnsureAsync();
            using var starting = new CancellationTokenSource(ApplianceProcess.StartTimeout * 2);
            Box = await ApplianceProcess.StartAsync(ApplianceProcess.DefaultDll, PrivateTestNetwork.BoxArguments(
                [$"--Media:UdpPort={RunningAppliance.FreeUdpPort()}", "--Meeting:Width=640", "--Meeting:Height=360", "--Meeting:FrameRate=30"]),
                starting.Token);
            _browsers = await BrowserLauncher.StartAsync();
        }
        catch
        {
            await DisposeAsync(); // xunit does not dispose a fixture whose initialisation failed
            throw;
        }
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

    public async Task<BrowserParticipant> OpenAsync(BrowserKind kind, int index)
    {
        var participant = await Browsers.OpenAsync(kind, Media.Participant(index), Site);
        try
        {
            await participant.GotoAsync(Site);
            return participant;
        }
        catch
        {
            await participant.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_browsers is not null)
            await _browsers.DisposeAsync();
        if (Box is not null)
            await Box.DisposeAsync();
        Media.Dispose();
    }
}
