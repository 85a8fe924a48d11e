using Appliance.Packaging.Tests.Support;

namespace Appliance.Packaging.Tests.Debs;

/// <summary>
/// The amd64 and arm64 packages, built once for the test run by image-build/build-debs.sh
/// from the current sources. APPLIANCE_DEBS_DIR names a folder of packages built
/// already (a developer's shortcut); CI always builds.
/// </summary>
public sealed class BuiltPackages : IAsyncLifetime
{
    private string? _ownFolder;

    public string Folder { get; private set; } = "";

    public string Version { get; private set; } = "";

    public string BuildLog { get; private set; } = "";

    public string PathOf(string arch) =>
        Directory.GetFiles(Folder, $"appliance_*_{arch}.deb").SingleOrDefault()
        ?? throw new InvalidOperationException($"no appliance_*_{arch}.deb in {Folder}:\n{BuildLog}");

    public async Task InitializeAsync()
    {
        var given = Environment.GetEnvironmentVariable("APPLIANCE_DEBS_DIR");
        if (!string.IsNullOrEmpty(given))
        {
            Folder = given;
        }
        else
        {
            _ownFolder = Directory.CreateTempSubdirectory("appliance-debs-").FullName;
            Folder = _ownFolder;
            var build = await Command.RunAsync(Path.Combine(Repository.ImageBuild, "build-debs.sh"), [],
                new Dictionary<string, string> { ["OUT"] = Folder }, TimeSpan.FromMinutes(40));
            BuildLog = build.ToString();
            if (!build.Succeeded)
                throw new InvalidOperationException("image-build/build-debs.sh failed:\n" + BuildLog);
        }
        var amd64 = Path.GetFileNameWithoutExtension(PathOf("amd64"));
        Version = amd64.Split('_')[1];
    }

    /// <summary>Unpacks a package's files (dpkg-deb -x) into a new temporary folder.</summary>
    public async Task<string> ExtractAsync(string arch)
    {
        var folder = Directory.CreateTempSubdirectory($"appliance-{arch}-").FullName;
        await Command.RunCheckedAsync("dpkg-deb", "-x", PathOf(arch), folder);
        return folder;
    }

    public async Task<string> FieldAsync(string arch, string field) =>
        (await Command.RunCheckedAsync("dpkg-deb", "-f", PathOf(arch), field)).Output.Trim();

    public Task DisposeAsync()
    {
        if (_ownFolder is not null)
            Directory.Delete(_ownFolder, recursive: true);
        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<BuiltPackages>
{
    public const string Name = "built packages";
}
