using Appliance.Browser.Tests.Support;
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
public class JoinFlowFixture : BoxAndBrowsersFixture
{
    private readonly string[] _boxArguments;

    public JoinFlowFixture() : this([])
    {
    }

    protected JoinFlowFixture(string[] boxArguments) => _boxArguments = boxArguments;

    public MeetingRoom Room => Box.App.Services.GetRequiredService<MeetingRoom>();

    protected override Task<RunningAppliance> StartBoxAsync() =>
        StartOnPrivateNetworkAsync(["--Meeting:Width=640", "--Meeting:Height=360", "--Meeting:FrameRate=30", .. _boxArguments]);

    /// <summary>Starts participant <paramref name="index"/>'s browser on <paramref name="path"/> of the box; the caller disposes it.</summary>
    public Task<BrowserParticipant> OpenAsync(BrowserKind kind, int index, string path = "/",
        Action<BrowserTypeLaunchPersistentContextOptions>? configure = null) =>
        OpenAsync(kind, index, async participant =>
        {
            await participant.GotoAsync(Site, path);
            return participant;
        }, configure);
}
