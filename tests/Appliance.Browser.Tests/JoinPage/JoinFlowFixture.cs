using Appliance.Conference;
using Appliance.Testing;
using Appliance.Testing.Browsers;
using Appliance.Testing.FakeMedia;
using Appliance.Testing.Network;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Appliance.Browser.Tests.JoinPage;

/// <summary>
/// A box with the meeting room at 640x360 (small: two cores carry the box and the browsers),
/// reached on the private test network so media flows, one Playwright driver and the
/// participants' fake media. Subclasses add box settings (a room size limit,
/// a fixed media port). Tests open their own participants.
/// </summary>
public class JoinFlowFixture : IAsyncLifetime
{
    private readonly string[] _boxArguments;
    private BrowserLauncher? _browsers;

    public JoinFlowFixture() : this([])
    {
    }

    protected JoinFlowFixture(string[] boxArguments) => _boxArguments = boxArguments;

    public FakeMediaFolder Media { get; } = new();
    public RunningAppliance Box { get; set; } = null!;
    public BrowserLauncher Browsers => _browsers ?? throw new InvalidOperationException("The fixture has not been initialised.");
    public TrustedSite Site => Box.Site();
    public MeetingRoom Room => Box.App.Services.GetRequiredService<MeetingRoom>();

    public async Task InitializeAsync()
    {
        try
        {
            // Page waits here include joining, ICE and a display's 5 s refresh on a loaded machine.
            Assertions.SetDefaultExpectTimeout((float)BrowserLauncher.DefaultTimeout.TotalMilliseconds);
            await PrivateTestNetwork.EnsureAsync();
            Box = await RunningAppliance.StartAsync(PrivateTestNetwork.BoxArguments(
                ["--Meeting:Width=640", "--Meeting:Height=360", "--Meeting:FrameRate=30", .. _boxArguments]));
            _browsers = await BrowserLauncher.StartAsync();
        }
        catch
        {
            await DisposeAsync(); // xunit does not dispose a fixture whose initialisation failed
            throw;
        }
    }

    /// <summary>Starts participant <paramref name="index"/>'s browser on <paramref name="path"/> of the box; the caller disposes it.</summary>
    public async Task<BrowserParticipant> OpenAsync(BrowserKind kind, int index, string path = "/",
        Action<BrowserTypeLaunchPersistentContextOptions>? configure = null)
    {
        var participant = await Browsers.OpenAsync(kind, Media.Participant(index), Site, configure);
        try
        {
            await participant.GotoAsync(Site, path);
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
