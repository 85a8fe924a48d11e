using Appliance.Net.Sdp.Model;
using Appliance.Net.Sdp.Parsing;

namespace Appliance.Net.Sdp.Tests.Support;

/// <summary>The offers captured from real browsers (TestData/README.md).</summary>
public static class CapturedOffers
{
    public const string ChromiumInitial = "chromium-initial.sdp";
    public const string ChromiumInitialGathered = "chromium-initial-gathered.sdp";
    public const string ChromiumScreenShare = "chromium-renegotiation-screenshare.sdp";
    public const string ChromiumRemoved = "chromium-renegotiation-removed.sdp";
    public const string ChromiumIceRestart = "chromium-ice-restart.sdp";
    public const string ChromiumDataChannel = "chromium-datachannel.sdp";
    public const string ChromiumSimulcast = "chromium-simulcast.sdp";
    public const string FirefoxInitial = "firefox-initial.sdp";
    public const string FirefoxInitialGathered = "firefox-initial-gathered.sdp";
    public const string FirefoxScreenShare = "firefox-renegotiation-screenshare.sdp";
    public const string FirefoxRemoved = "firefox-renegotiation-removed.sdp";
    public const string FirefoxIceRestart = "firefox-ice-restart.sdp";
    public const string FirefoxDataChannel = "firefox-datachannel.sdp";
    public const string FirefoxSimulcast = "firefox-simulcast.sdp";

    /// <summary>Every captured file, for theories.</summary>
    public static TheoryData<string> All => new(Directory.GetFiles(Folder, "*.sdp").Select(Path.GetFileName).OfType<string>().Order());

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData");

    public static string Text(string name) => File.ReadAllText(Path.Combine(Folder, name));

    public static SessionDescription Parse(string name)
    {
        var result = SdpParser.Parse(Text(name));
        Assert.True(result.IsSuccess, result.Error?.Message);
        return result.Description;
    }
}
