using Appliance.Testing;
using Appliance.Testing.Browsers;
using Appliance.Testing.FakeMedia;
using Appliance.Testing.Network;
using Appliance.WebRtc;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Browser.Tests.Echo;

/// <summary>
/// One box for a test class, reached by the browsers' media on the private test network
/// (it announces <see cref="PrivateTestNetwork.Address"/> as its candidate), one Playwright
/// driver and the participants' fake media. Tests open their own participants.
/// </summary>
public class EchoFixture : IAsyncLifetime
{
    private RunningAppliance? _box;
    private BrowserLauncher? _browsers;

    public FakeMediaFolder Media { get; } = new();
    public RunningAppliance Box => _box ?? throw NotStarted();
    public BrowserLauncher Browsers => _browsers ?? throw NotStarted();
    public TrustedSite Site => Box.Site();

    /// <summary>The box's media port: its ICE agent's sessions are the peer connections it still serves.</summary>
    public MediaPort MediaPort => Box.App.Services.GetRequiredService<MediaPort>();

    /// <summary>Settings a class's box needs beyond the private network's.</summary>
    protected virtual string[] ExtraBoxArguments => [];

    public async Task InitializeAsync()
    {
        try
        {
            await PrivateTestNetwork.EnsureAsync();
            _box = await RunningAppliance.StartAsync(PrivateTestNetwork.BoxArguments(ExtraBoxArguments));
            _browsers = await BrowserLauncher.StartAsync();
        }
        catch
        {
            await DisposeAsync(); // xunit does not dispose a fixture whose initialisation failed
            throw;
        }
    }

    /// <summary>Starts participant <paramref name="index"/>'s browser on the echo check; the caller disposes it.</summary>
    public async Task<EchoPage> OpenEchoAsync(BrowserKind kind, int index, string? codec)
    {
        var participant = await Browsers.OpenAsync(kind, Media.Participant(index), Site);
        try
        {
            return await EchoPage.OpenAsync(participant, Site, codec);
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

/// <summary>
/// The echo classes run one after another: each drives real browsers that encode and decode
/// video, and two cores cannot run several such classes at once and still measure frame rates.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EchoCollection
{
    public const string Name = "Echo with real browsers";
}
