using System.Collections.Concurrent;
using Appliance.Testing.FakeMedia;
using Microsoft.Playwright;

namespace Appliance.Testing.Browsers;

/// <summary>
/// One participant: its own browser process with a fresh profile and its own fake media,
/// and the page it uses. Disposing closes the browser and deletes the profile.
/// </summary>
public sealed class BrowserParticipant : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _console = new();

    internal BrowserParticipant(BrowserKind kind, FakeParticipantMedia media, IBrowserContext context, IPage page, string profileDirectory)
    {
        Kind = kind;
        Media = media;
        Context = context;
        Page = page;
        ProfileDirectory = profileDirectory;
        page.Console += (_, message) => _console.Enqueue($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => _console.Enqueue($"uncaught: {error}");
    }

    public BrowserKind Kind { get; }
    public FakeParticipantMedia Media { get; }
    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public string ProfileDirectory { get; }

    /// <summary>What the page wrote to its console and its uncaught errors, oldest first: put it in failure messages.</summary>
    public IReadOnlyCollection<string> ConsoleMessages => _console.ToArray();

    /// <summary>Opens <paramref name="pathAndQuery"/> on the trusted site (the box) and waits for the load event.</summary>
    /// <summary>
    /// Opens a page of the box. Waits for the document, not for every subresource: tests then wait for
    /// exactly what they check. A browser's first start on a cold machine can be slow, hence the long limit.
    /// </summary>
    public Task<IResponse?> GotoAsync(TrustedSite site, string pathAndQuery = "/") =>
        Page.GotoAsync(new Uri(site.BaseAddress, pathAndQuery).ToString(),
            new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = (float)BrowserLauncher.LaunchTimeout.TotalMilliseconds });

    public override string ToString() => $"{Kind} participant {Media.Index}";

    public async ValueTask DisposeAsync()
    {
        await Context.CloseAsync();
        await Context.DisposeAsync();
        try
        {
            Directory.Delete(ProfileDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A browser helper process may still be writing into its profile as it exits;
            // the folder is under the temporary directory, so leaving it is harmless.
        }
    }
}
