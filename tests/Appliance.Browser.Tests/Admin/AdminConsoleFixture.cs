using Appliance.Browser.Tests.Support;
using Appliance.Testing;
using Appliance.Testing.Browsers;
using Appliance.Testing.FakeMedia;

namespace Appliance.Browser.Tests.Admin;

/// <summary>A fresh, unclaimed box and one browser of <see cref="Kind"/> for the admin console.</summary>
public abstract class AdminConsoleFixture : BoxAndBrowsersFixture
{
    private BrowserParticipant? _browser;

    public abstract BrowserKind Kind { get; }
    public BrowserParticipant Browser => _browser ?? throw new InvalidOperationException("not started");

    protected override Task<RunningAppliance> StartBoxAsync() => RunningAppliance.StartAsync(BoxArguments.SideBySide);

    protected override async Task OnStartedAsync() => _browser = await Browsers.OpenAsync(Kind, Media.Participant(7), Site);

    protected override async ValueTask OnDisposingAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
    }
}

public sealed class ChromiumAdminConsoleFixture : AdminConsoleFixture
{
    public override BrowserKind Kind => BrowserKind.Chromium;
}

public sealed class FirefoxAdminConsoleFixture : AdminConsoleFixture
{
    public override BrowserKind Kind => BrowserKind.Firefox;
}
