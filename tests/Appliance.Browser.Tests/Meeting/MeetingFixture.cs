using Appliance.Conference;
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
public class MeetingFixture : IAsyncLifetime
{
    public const int CanvasWidth = 640;
    public const int CanvasHeight = 360;
    public const int FrameRate = 30;

    private RunningAppliance? _box;
    private BrowserLauncher? _browsers;

    public FakeMediaFolder Media { get; } = new();

    /// <summary>Further settings of the box, for fixtures of other meeting configurations.</summary>
    protected virtual IEnumerable<string> Settings => [];
    public RunningAppliance Box => _box ?? throw NotStarted();
    public BrowserLauncher Browsers => _browsers ?? throw NotStarted();
    public TrustedSite Site => Box.Site();

    /// <summary>The box's one meeting room: its members, media clock and encoder groups.</summary>
    public MeetingRoom Room => Box.App.Services.GetRequiredService<MeetingRoom>();

    public async Task InitializeAsync()
    {
        try
        {
            await PrivateTestNetwork.EnsureAsync();
            _box = await RunningAppliance.StartAsync(PrivateTestNetwork.BoxArguments(
                [$"--Meeting:Width={CanvasWidth}", $"--Meeting:Height={CanvasHeight}", $"--Meeting:FrameRate={FrameRate}", .. Settings]));
            _browsers = await BrowserLauncher.StartAsync();
        }
        catch
        {
            await DisposeAsync(); // xunit does not dispose a fixture whose initialisation failed
            throw;
        }
    }

    /// <summary>
    /// Starts participant <paramref name="index"/>'s browser, joins the meeting (forcing
    /// <paramref name="codec"/> when given) and waits until its peer connection is up and the
    /// box counts it; the caller disposes it.
    /// </summary>
    public async Task<MeetingPage> JoinAsync(BrowserKind kind, int index, string? codec = null)
    {
        var participant = await Browsers.OpenAsync(kind, Media.Participant(index), Site);
        try
        {
            var page = await MeetingPage.JoinAsync(participant, Site, Room.Code, codec);
            await page.WaitForConnectedAsync();
            return page;
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
        if (_box is not null)
            await _box.DisposeAsync();
        Media.Dispose();
    }

    private static InvalidOperationException NotStarted() => new("The fixture has not been initialised.");
}
