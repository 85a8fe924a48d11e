using Microsoft.Playwright;

namespace Appliance.Browser.Tests.Support;

/// <summary>
/// Screenshots kept as test artifacts for a person to look at: TestResults/screenshots at the
/// repository's root (gitignored), one file per page, size and browser.
/// </summary>
public static class Screenshots
{
    public static readonly (int Width, int Height, string Name) Desktop = (1280, 800, "desktop");
    public static readonly (int Width, int Height, string Name) Phone = (390, 844, "phone");

    public static string Folder
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Appliance.sln")))
                directory = directory.Parent;
            var root = directory?.FullName ?? AppContext.BaseDirectory;
            return Directory.CreateDirectory(Path.Combine(root, "TestResults", "screenshots")).FullName;
        }
    }

    /// <summary>Resizes the page to <paramref name="size"/>, saves a full-page screenshot and returns its path.</summary>
    public static async Task<string> TakeAsync(IPage page, string name, (int Width, int Height, string Name) size, string browser)
    {
        await page.SetViewportSizeAsync(size.Width, size.Height);
        var path = Path.Combine(Folder, $"{name}-{size.Name}-{browser}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }
}
