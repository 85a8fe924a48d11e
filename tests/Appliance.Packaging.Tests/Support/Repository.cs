namespace Appliance.Packaging.Tests.Support;

/// <summary>Paths in the repository this test assembly was built from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string ImageBuild => Path.Combine(Root, "image-build");

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Appliance.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"no Appliance.sln above {AppContext.BaseDirectory}");
    }
}
