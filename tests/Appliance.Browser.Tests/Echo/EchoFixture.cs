using Appliance.Browser.Tests.Support;
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
public class EchoFixture : BoxAndBrowsersFixture
{
    /// <summary>The box's media port: its ICE agent's sessions are the peer connections it still serves.</summary>
    public MediaPort MediaPort => Box.App.Services.GetRequiredService<MediaPort>();

    /// <summary>Settings a class's box needs beyond the private network's.</summary>
    protected virtual string[] ExtraBoxArguments => [];

    protected override Task<RunningAppliance> StartBoxAsync() => StartOnPrivateNetworkAsync(ExtraBoxArguments);

    /// <summary>Starts participant <paramref name="index"/>'s browser on the echo check; the caller disposes it.</summary>
    public Task<EchoPage> OpenEchoAsync(BrowserKind kind, int index, string? codec) =>
        OpenAsync(kind, index, participant => EchoPage.OpenAsync(participant, Site, codec));
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
