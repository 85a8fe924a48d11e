using Appliance.Testing;
using Appliance.Testing.Browsers;
using Appliance.Testing.FakeMedia;

namespace Appliance.Browser.Tests.Support;

/// <summary>
/// One box, one Playwright driver and one set of fake media for a test class, and the
/// first participant already on the join page (the tests that only read it share it).
/// Tests that need their own browser (another participant, another certificate) open one.
/// </summary>
public abstract class JoinPageFixture : BoxAndBrowsersFixture
{
    private BrowserParticipant? _first;

    public abstract BrowserKind Kind { get; }

    /// <summary>Participant 0, its join page loaded.</summary>
    public JoinPage First => new(_first ?? throw new InvalidOperationException("The fixture has not been initialised."));

    protected override Task<RunningAppliance> StartBoxAsync() => RunningAppliance.StartAsync(BoxArguments.SideBySide);

    protected override async Task OnStartedAsync() => _first = await OpenJoinPageAsync(0);

    protected override async ValueTask OnDisposingAsync()
    {
        if (_first is not null)
            await _first.DisposeAsync();
    }

    /// <summary>Starts participant <paramref name="index"/>'s browser and opens the join page; the caller disposes it.</summary>
    public Task<BrowserParticipant> OpenJoinPageAsync(int index) =>
        OpenAsync(Kind, index, async participant =>
        {
            await participant.GotoAsync(Site);
            return participant;
        });
}

public sealed class ChromiumJoinPageFixture : JoinPageFixture
{
    public override BrowserKind Kind => BrowserKind.Chromium;
}

public sealed class FirefoxJoinPageFixture : JoinPageFixture
{
    public override BrowserKind Kind => BrowserKind.Firefox;
}
