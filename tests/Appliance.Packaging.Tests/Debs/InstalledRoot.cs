using Appliance.Packaging.Tests.Support;

namespace Appliance.Packaging.Tests.Debs;

/// <summary>A Debian root into which the amd64 package was installed with "apt install ./appliance_….deb".</summary>
public sealed class InstalledRoot(BuiltPackages packages) : IAsyncLifetime
{
    public DebianRoot Root { get; private set; } = null!;

    public CommandResult Install { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Root = await DebianRoot.CreateAsync();
        var deb = Path.GetFileName(packages.PathOf("amd64"));
        File.Copy(packages.PathOf("amd64"), Root.PathOf("/tmp/" + deb));
        await Root.RunAsync("apt-get", "update", "-q");
        Install = await Root.RunAsync("apt-get", "install", "-y", "--no-install-recommends", "/tmp/" + deb);
    }

    public async Task DisposeAsync() => await Root.DisposeAsync();
}
