using Appliance.Testing.FakeMedia;
using Microsoft.Playwright;

namespace Appliance.Testing.Browsers;

/// <summary>
/// Starts participants' browsers through one Playwright driver (its own Node process,
/// shipped in the Microsoft.Playwright package: nothing is downloaded, and
/// <c>playwright install</c> is never run). Share one launcher per test class.
/// </summary>
public sealed class BrowserLauncher : IAsyncDisposable
{
    /// <summary>
    /// How long a browser may take to start. Generous: it is not what is tested, and with
    /// builds running beside the tests on two cores a Firefox start has taken 14 s.
    /// </summary>
    public static readonly TimeSpan LaunchTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long a navigation or a wait in the page may take before the test fails.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private readonly IPlaywright _playwright;

    private BrowserLauncher(IPlaywright playwright) => _playwright = playwright;

    public static async Task<BrowserLauncher> StartAsync() => new(await Playwright.CreateAsync());

    /// <summary>
    /// Starts a browser of <paramref name="kind"/> for one participant, with a fresh profile,
    /// camera and microphone fed by <paramref name="media"/>, trusting only <paramref name="site"/>'s
    /// certificate. <paramref name="configure"/> may add arguments or preferences a test needs.
    /// </summary>
    public async Task<BrowserParticipant> OpenAsync(BrowserKind kind, FakeParticipantMedia media, TrustedSite site,
        Action<BrowserTypeLaunchPersistentContextOptions>? configure = null)
    {
        var profile = Directory.CreateTempSubdirectory($"appliance-{kind.ToString().ToLowerInvariant()}-profile-").FullName;
        var (type, options) = kind switch
        {
            BrowserKind.Chromium => (_playwright.Chromium, ChromiumLaunch.Options(media, site)),
            BrowserKind.Firefox => (_playwright.Firefox, FirefoxLaunch.Options(media)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown browser."),
        };
        if (kind == BrowserKind.Firefox)
            FirefoxLaunch.WriteCertificateOverride(profile, site);
        options.Timeout = (float)LaunchTimeout.TotalMilliseconds;
        configure?.Invoke(options);

        IBrowserContext context;
        try
        {
            context = await type.LaunchPersistentContextAsync(profile, options);
        }
        catch
        {
            Directory.Delete(profile, recursive: true);
            throw;
        }
        context.SetDefaultTimeout((float)DefaultTimeout.TotalMilliseconds);
        context.SetDefaultNavigationTimeout((float)DefaultTimeout.TotalMilliseconds);
        var page = context.Pages.Count > 0 ? context.Pages[0] : await context.NewPageAsync();
        return new BrowserParticipant(kind, media, context, page, profile);
    }

    public ValueTask DisposeAsync()
    {
        _playwright.Dispose();
        return ValueTask.CompletedTask;
    }
}
