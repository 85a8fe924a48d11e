using System.Diagnostics;
using Appliance.Testing;

namespace Appliance.LoadBench;

/// <summary>Finds the repository from the bench's own folder and builds the box in Release, so the run measures the current code.</summary>
public static class BoxBuild
{
    public static string RepositoryRoot() => Repository.Find()
        ?? throw new InvalidOperationException("the repository (Appliance.sln) was not found above the bench's folder; give --box-dll");

    public static string DefaultDll() => Path.Combine(RepositoryRoot(), "appliance", "Appliance", "bin", "Release", "net10.0", "appliance.dll");

    public static void Build()
    {
        Console.WriteLine("building the box (dotnet build -c Release appliance/Appliance)");
        var start = new ProcessStartInfo("dotnet", "build -c Release -nologo -v quiet appliance/Appliance/Appliance.csproj")
        {
            WorkingDirectory = RepositoryRoot(),
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet build");
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException("building the box failed (see above)");
    }
}
