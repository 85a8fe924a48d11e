using Appliance.Conference;
using Appliance.Browser.Tests.Support;
using Appliance.Testing;
using Appliance.Testing.Browsers;
using Appliance.Testing.FakeMedia;
using Appliance.Testing.Network;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Browser.Tests.Meeting;

/// <summary>
/// One box running the MCU meeting room at 640x360 and 30 fps (small: two cores carry the box
/// and three browsers), reached on the private test network, one Playwright driver and the
/// participants' fake media. Tests open their own participants.
/// </summary>
public class MeetingFixture : BoxAndBrowsersFixture
{
    public const int CanvasWidth = 640;
    public const int CanvasHeight = 360;
    public const int FrameRate = 30;

    /// <summary>Further settings of the box, for fixtures of other meeting configurations.</summary>
    protected virtual IEnumerable<string> Settings => [];

    /// <summary>The box's one meeting room: its members, media clock and encoder groups.</summary>
    public MeetingRoom Room => Box.App.Services.GetRequiredService<MeetingRoom>();

    protected override Task<RunningAppliance> StartBoxAsync() => StartOnPrivateNetworkAsync(
        [$"--Meeting:Width={CanvasWidth}", $"--Meeting:Height={CanvasHeight}", $"--Meeting:FrameRate={FrameRate}", .. Settings]);

    /// <summary>
    /// Starts participant <paramref name="index"/>'s browser, joins the meeting (forcing
    /// <paramref name="codec"/> when given) and waits until its peer connection is up and the
    /// box counts it; the caller disposes it.
    /// </summary>
    public Task<MeetingPage> JoinAsync(BrowserKind kind, int index, string? codec = null) =>
        OpenAsync(kind, index, async participant =>
        {
            var page = await MeetingPage.JoinAsync(participant, Site, Room.Code, codec);
            await page.WaitForConnectedAsync();
            return page;
        });
}
