using Appliance.Testing;
using Appliance.Testing.Browsers;
using Appliance.Testing.FakeMedia;
using Appliance.Testing.Network;
using Microsoft.Playwright;

namespace Appliance.Browser.Tests.Support;

/// <summary>
/// What every browser test class starts from: one box, one Playwright driver and the participants' fake media,
/// started together and disposed together (xunit does not dispose a fixture whose initialisation failed, so a failed
/// start disposes what it made). Subclasses say how the box starts and may open pages of their own once it runs.
/// The box is in-process (<see cref="BoxAndBrowsersFixture"/>) or a child process that a test can kill.
/// </summary>
public abstract class BoxAndBrowsersFixture<TBox> : IAsyncLifetime where TBox : class, IAsyncDisposable
{
    private TBox? _box;
    private BrowserLauncher? _browsers;

    public FakeMediaFolder Media { get; } = new();

    /// <summary>The running box; a test that restarts it puts the new one here.</summary>
    public TBox Box
    {
        get => _box ?? throw NotStarted();
        set => _box = value;
    }

    public BrowserLauncher Browsers => _browsers ?? throw NotStarted();

    /// <summary>The box's address and certificate, for the browsers.</summary>
    public abstract TrustedSite Site { get; }

    /// <summary>Starts the class's box.</summary>
    protected abstract Task<TBox> StartBoxAsync();

    /// <summary>Runs once the box and the driver are up (for pages the class's tests share).</summary>
    protected virtual Task OnStartedAsync() => Task.CompletedTask;

    /// <summary>Closes what <see cref="OnStartedAsync"/> opened.</summary>
    protected virtual ValueTask OnDisposingAsync() => ValueTask.CompletedTask;

    public async Task InitializeAsync()
    {
        try
        {
            // Page waits here include joining, ICE and a display's 5 s refresh on a loaded machine.
            Assertions.SetDefaultExpectTimeout((float)BrowserLauncher.DefaultTimeout.TotalMilliseconds);
            _box = await StartBoxAsync();
            _browsers = await BrowserLauncher.StartAsync();
            await OnStartedAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts participant <paramref name="index"/>'s browser and runs <paramref name="open"/> on it (a page to load, a
    /// meeting to join); the caller disposes what it returns. The browser is closed if <paramref name="open"/> fails.
    /// </summary>
    public async Task<T> OpenAsync<T>(BrowserKind kind, int index, Func<BrowserParticipant, Task<T>> open,
        Action<BrowserTypeLaunchPersistentContextOptions>? configure = null)
    {
        var participant = await Browsers.OpenAsync(kind, Media.Participant(index), Site, configure);
        try
        {
            return await open(participant);
        }
        catch
        {
            await participant.DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await OnDisposingAsync();
        if (_browsers is not null)
            await _browsers.DisposeAsync();
        if (_box is not null)
            await _box.DisposeAsync();
        Media.Dispose();
    }

    private static InvalidOperationException NotStarted() => new("The fixture has not been initialised.");
}

/// <summary>The fixture of a box running in the test process.</summary>
public abstract class BoxAndBrowsersFixture : BoxAndBrowsersFixture<RunningAppliance>
{
    public override TrustedSite Site => Box.Site();

    /// <summary>
    /// A box whose media the browsers reach: on the private test network (it announces
    /// <see cref="PrivateTestNetwork.Address"/>; Chromium does not check a loopback candidate).
    /// </summary>
    protected static async Task<RunningAppliance> StartOnPrivateNetworkAsync(IEnumerable<string> settings)
    {
        await PrivateTestNetwork.EnsureAsync();
        return await RunningAppliance.StartAsync(PrivateTestNetwork.BoxArguments([.. settings]));
    }
}
