using Appliance.Testing.Browsers;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Appliance.Browser.Tests.Admin;

/// <summary>
/// The admin console (web-ui/admin.html) as a person uses it: controls found by their labels
/// and roles, as a screen reader or keyboard user finds them.
/// </summary>
public sealed class AdminPage(BrowserParticipant browser)
{
    public const string Password = "a long admin password";

    public IPage Page => browser.Page;

    public ILocator Alert => Page.GetByRole(AriaRole.Alert);

    public ILocator Status => Page.Locator("#status");

    public async Task OpenAsync(TrustedSite site)
    {
        await browser.GotoAsync(site, "/admin");
        await Expect(Page.Locator("#status")).Not.ToHaveTextAsync("Loading…");
    }

    public async Task ClaimAsync(string setupCode, string password, string? confirm = null)
    {
        await Page.GetByLabel("Setup code").FillAsync(setupCode);
        await Page.GetByLabel("New admin password", new() { Exact = true }).FillAsync(password);
        await Page.GetByLabel("New admin password again", new() { Exact = true }).FillAsync(confirm ?? password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Claim this box" }).ClickAsync();
    }

    public async Task SignInAsync(string password)
    {
        await Page.GetByLabel("Admin password", new() { Exact = true }).FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    public Task ExpectConsoleAsync() =>
        Expect(Page.GetByRole(AriaRole.Heading, new() { Name = "Live" })).ToBeVisibleAsync();

    /// <summary>Visible form controls without an accessible name (label, aria-label or text): should be none.</summary>
    public Task<string[]> UnlabelledControlsAsync() => Page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll('input, select, textarea, button, a[href]')]
          .filter(el => el.offsetParent !== null)
          .filter(el => {
            const labelled = (el.labels && [...el.labels].some(l => l.textContent.trim()))
              || el.getAttribute('aria-label')?.trim()
              || (el.getAttribute('aria-labelledby') && document.getElementById(el.getAttribute('aria-labelledby'))?.textContent.trim());
            const text = ['BUTTON', 'A'].includes(el.tagName) && el.textContent.trim();
            return !labelled && !text;
          })
          .map(el => el.outerHTML.slice(0, 120))
        """);
}
