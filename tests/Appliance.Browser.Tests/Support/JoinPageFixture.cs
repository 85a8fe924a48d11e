using Appliance.Testing;
using Appliance.Testing.Browsers;
using Appliance.Testing.FakeMedia;

namespace Appliance.Browser.Tests.Support;

/// <summary>
/// One box, one Playwright driver and one set of fake media for a test class, and the
/// first participant already on the join page (the tests that only read it share it).
/// Tests that need their own browser (another participant, another certificate) open one.
/// </summary>
public abstract class JoinPageFixture : IAsyncLifetime
{
    private RunningAppliance? _box;
    private BrowserLauncher? _browsers;
    private BrowserParticipant? _first;

    public abstract BrowserKind Kind { get; }

    public FakeMediaFolder Media { get; } = new();
    public RunningAppliance Box => _box ?? throw NotStarted();
    public BrowserLauncher Browsers => _browsers ?? throw NotStarted();
    public TrustedSite Site => Box.Site();

    /// <summary>Participant 0, its join page loaded.</summary>
    public JoinPage First => new(_first ?? throw NotStarted());

    public async Task InitializeAsync()
    {
        try
        {
            _box = await RunningAppliance.StartAsync(BoxArguments.SideBySide);
            _browsers = await BrowserLauncher.StartAsync();
            _first = await OpenJoinPageAsync(0);
        }
        catch
        {
            await DisposeAsync(); // xunit does not dispose a fixture whose initialisation failed
            throw;
        }
    }

    /// <summary>Starts participant <paramref name="index"/>'s browser and opens the join page; the caller disposes it.</summary>
    public async Task<BrowserParticipant> OpenJoinPageAsync(int index)
    {
        var participant = await Browsers.OpenAsync(Kind, Media.Participant(index), Site);
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
        if (_first is not null)
            await _first.DisposeAsync();
        if (_browsers is not null)
            await _browsers.DisposeAsync();
        if (_box is not null)
            await _box.DisposeAsync();
        Media.Dispose();
    }

    private static InvalidOperationException NotStarted() => new("The fixture has not been initialised.");
}

public sealed class ChromiumJoinPageFixture : JoinPageFixture
{
    public override BrowserKind Kind => BrowserKind.Chromium;
}

public sealed class FirefoxJoinPageFixture : JoinPageFixture
{
    public override BrowserKind Kind => BrowserKind.Firefox;
}
