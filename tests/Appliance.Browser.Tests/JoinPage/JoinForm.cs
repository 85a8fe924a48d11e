using Appliance.Testing.Browsers;
using Microsoft.Playwright;

namespace Appliance.Browser.Tests.JoinPage;

/// <summary>
/// The join page (web-ui/index.html) as a person uses it: controls found by their labels and
/// roles, as a screen reader would find them, and the sentences the page shows.
/// </summary>
public sealed class JoinForm(BrowserParticipant participant)
{
    /// <summary>How long joining, ICE and DTLS, and a rejoin after a restart may take on this loaded machine.</summary>
    public static readonly TimeSpan MediaTimeout = TimeSpan.FromSeconds(60);

    public BrowserParticipant Participant { get; } = participant;
    public IPage Page => Participant.Page;

    public ILocator Name => Page.GetByLabel("Your name");
    public ILocator Code => Page.GetByLabel("Room code");
    public ILocator Camera => Page.GetByLabel("Camera", new() { Exact = true });
    public ILocator Microphone => Page.GetByLabel("Microphone", new() { Exact = true });
    public ILocator MicrophoneLevel => Page.GetByLabel("Microphone level");
    public ILocator JoinButton => Page.GetByRole(AriaRole.Button, new() { Name = "Join", Exact = true });
    public ILocator Error => Page.Locator("#error");
    public ILocator MediaProblem => Page.Locator("#media-problem");
    public ILocator Meeting => Page.GetByRole(AriaRole.Region, new() { Name = "The meeting" });
    public ILocator Banner => Page.Locator("#banner");
    public ILocator Quality => Page.Locator("#quality");

    /// <summary>Types the name and code and presses Join once the box has welcomed the page.</summary>
    public async Task JoinAsync(string name, string code)
    {
        await Name.FillAsync(name);
        await Code.FillAsync(code);
        await Assertions.Expect(JoinButton).ToBeEnabledAsync(new() { Timeout = (float)MediaTimeout.TotalMilliseconds });
        await JoinButton.ClickAsync();
    }

    /// <summary>The page's own words for failure messages: status, error, notice, console.</summary>
    public async Task<string> DescribeAsync()
    {
        var status = await Page.Locator("#status").TextContentAsync();
        var error = await Error.TextContentAsync();
        var notice = await MediaProblem.TextContentAsync();
        var banner = await Banner.TextContentAsync();
        return $"status \"{status}\", error \"{error}\", notice \"{notice}\", banner \"{banner}\", console: {string.Join(" | ", Participant.ConsoleMessages)}";
    }
}
