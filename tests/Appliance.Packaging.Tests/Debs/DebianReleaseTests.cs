using Appliance.Packaging.Tests.Support;
using Xunit.Abstractions;

namespace Appliance.Packaging.Tests.Debs;

/// <summary>
/// Every run-time dependency (image-build/debian/depends) names a package of Debian 12 and
/// of Debian 13, where several libraries were renamed (libgpiod3, libssl3t64, libavcodec61),
/// checked against each release's package index by image-build/check-debian-packages.sh.
/// </summary>
public sealed class DebianReleaseTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("bookworm", "amd64", "libavcodec59")]
    [InlineData("bookworm", "arm64", "libavcodec59")]
    [InlineData("trixie", "amd64", "libavcodec61")]
    [InlineData("trixie", "arm64", "libavcodec61")]
    public async Task Every_dependency_exists_in_the_release(string suite, string arch, string avcodec)
    {
        var result = await Command.RunAsync(Path.Combine(Repository.ImageBuild, "check-debian-packages.sh"), [suite, arch],
            timeout: TimeSpan.FromMinutes(10));
        output.WriteLine(result.Output);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains($"ffmpeg: libavcodec in {suite}/{arch}: {avcodec}", result.Output);
        Assert.Contains(suite == "trixie" ? "libgpiod2 | libgpiod3 -> libgpiod3" : "libgpiod2 | libgpiod3 -> libgpiod2", result.Output);
    }
}
