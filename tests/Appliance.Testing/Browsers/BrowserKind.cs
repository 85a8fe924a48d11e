namespace Appliance.Testing.Browsers;

/// <summary>The real browsers the tests drive: Debian's own builds, never downloaded ones.</summary>
public enum BrowserKind
{
    /// <summary>Debian's <c>chromium</c> (/usr/bin/chromium), over the Chrome DevTools Protocol.</summary>
    Chromium,

    /// <summary>Debian's <c>firefox-esr</c> (/usr/bin/firefox-esr), over WebDriver BiDi.</summary>
    Firefox,
}
