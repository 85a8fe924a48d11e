namespace Appliance.Testing;

/// <summary>The repository these tests and tools were built from: the folder above their output that holds Appliance.sln.</summary>
public static class Repository
{
    /// <summary>The repository's root folder; throws (naming where it looked) when the build is not inside one.</summary>
    public static string Root => Find() ?? throw new InvalidOperationException($"no Appliance.sln above {AppContext.BaseDirectory}");

    /// <summary>The repository's root folder, or null when the build is not inside one.</summary>
    public static string? Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Appliance.sln")))
                return folder.FullName;
        }
        return null;
    }
}
