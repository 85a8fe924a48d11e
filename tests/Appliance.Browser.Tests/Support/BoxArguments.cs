namespace Appliance.Browser.Tests.Support;

/// <summary>Command-line settings for the boxes these tests start.</summary>
public static class BoxArguments
{
    /// <summary>
    /// Several boxes run at once here (one per test class, and a second one to present a
    /// foreign certificate), so each takes a free UDP media port instead of the default 10000.
    /// </summary>
    public static readonly string[] SideBySide = ["--Media:UdpPort=0"];
}
