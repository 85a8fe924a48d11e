using Appliance.Browser.Tests.Support;
using Appliance.Testing;
using Appliance.Testing.Browsers;
using Appliance.Testing.FakeMedia;

namespace Appliance.Browser.Tests.Admin;

/// <summary>A fresh, unclaimed box and one browser of <see cref="Kind"/> for the admin console.</summary>
public abstract class AdminConsoleFixture : IAsyncLifetime
{
    private RunningAppliance? _box;
    private BrowserLauncher? _browsers;
    private BrowserParticipant? _browser;

    public abstract BrowserKind Kind { get; }
    public FakeMediaFolder Media { get; } = new();
    public RunningAppliance Box => _box ?? throw new InvalidOperationException("not started");
    public BrowserParticipant Browser => _browser ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        try
        {
            _box = await RunningAppliance.StartAsync(BoxArguments.SideBySide);
            _browsers = await BrowserLauncher.StartAsync();
            _browser = await _browsers.OpenAsync(Kind, Media.Participant(7), _box.Site());
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        if (_browsers is not null)
            await _browsers.DisposeAsync();
        if (_box is not null)
            await _box.DisposeAsync();
        Media.Dispose();
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
