using Appliance.Testing.FakeMedia;
using Microsoft.Playwright;

namespace Appliance.Testing.Browsers;

/// <summary>
/// One participant: its own browser process with a fresh profile and its own fake media,
/// and the page it uses. Disposing closes the browser and deletes the profile.
/// </summary>
public sealed class BrowserParticipant : IAsyncDisposable
{
    internal BrowserParticipant(BrowserKind kind, FakeParticipantMedia media, IBrowserContext context, IPage page, string profileDirectory)
    {
        Kind = kind;
        Media = media;
        Context = context;
        Page = page;
        ProfileDirectory = profileDirectory;
    }

    public BrowserKind Kind { get; }
    public FakeParticipantMedia Media { get; }
    public IBrowserContext Context { get; }
    public IPage Page { get; }
    public string ProfileDirectory { get; }

    /// <summary>Opens <paramref name="pathAndQuery"/> on the trusted site (the box) and waits for the load event.</summary>
    public Task<IResponse?> GotoAsync(TrustedSite site, string pathAndQuery = "/") =>
        Page.GotoAsync(new Uri(site.BaseAddress, pathAndQuery).ToString());

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
