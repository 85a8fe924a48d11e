using Microsoft.Playwright;

namespace Appliance.Testing.Browsers;

/// <summary>
/// Screenshots of the box's pages for a person to look at: PNG files under
/// <c>TestResults/screenshots</c> at the repository's root (gitignored; CI keeps them as artifacts).
/// </summary>
public static class Screenshots
{
    /// <summary>A desktop or laptop window.</summary>
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };

    /// <summary>A current phone held upright (CSS pixels).</summary>
    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    public static string Directory { get; } = FindDirectory();

    /// <summary>
    /// Resizes the page to <paramref name="size"/>, lets layout settle, and saves it as <c>name.png</c>
    /// (the whole scrolling page when <paramref name="fullPage"/>); returns the path.
    /// </summary>
    public static async Task<string> SaveAsync(IPage page, string name, ViewportSize size, bool fullPage = false)
    {
        await page.SetViewportSizeAsync(size.Width, size.Height);
        // Layout after a resize happens by the next animation frame; wait for two.
        await page.EvaluateAsync("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
        var path = Path.Combine(Directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = fullPage });
        return path;
    }

    private static string FindDirectory()
    {
        var root = Repository.Find() ?? AppContext.BaseDirectory;
        var directory = Path.Combine(root, "TestResults", "screenshots");
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }
}
