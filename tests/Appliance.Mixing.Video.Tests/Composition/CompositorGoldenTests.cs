using System.Runtime.CompilerServices;
using Appliance.Hwaccel.Frames;
using Appliance.Mixing.Video.Composition;
using Appliance.Mixing.Video.Layouts;
using Appliance.Mixing.Video.Tests.Support;

namespace Appliance.Mixing.Video.Tests.Composition;

/// <summary>
/// Whole composed pictures compared byte for byte with golden Y4M files in Goldens/ (view one with
/// <c>ffplay Goldens/grid4_320x180.y4m</c>). Inputs are solid colours, which bilinear scaling keeps exact.
/// After an intended change to the look, regenerate with
/// <c>APPLIANCE_REGENERATE_GOLDENS=1 dotnet test tests/Appliance.Mixing.Video.Tests/Appliance.Mixing.Video.Tests.csproj</c>,
/// look at the new files and commit them.
/// </summary>
public class CompositorGoldenTests
{
    private readonly VideoFramePool _pool = new();

    [Fact]
    public void GridOfFourMatchesTheGolden()
    {
        using Compositor compositor = Compositors.Create(_pool, new CompositorOptions { Width = 320, Height = 180 });
        AddScene(compositor);
        using VideoFrame canvas = compositor.Compose(0);
        MatchGolden("grid4_320x180.y4m", canvas);
    }

    [Fact]
    public void PresenterWithThreeParticipantsMatchesTheGolden()
    {
        using Compositor compositor = Compositors.Create(_pool,
            new CompositorOptions { Width = 320, Height = 180, Layout = LayoutKind.Presenter });
        AddScene(compositor);
        compositor.FocusId = "screen";
        using VideoFrame canvas = compositor.Compose(0);
        MatchGolden("presenter4_320x180.y4m", canvas);
    }

    /// <summary>A 16:9 camera, a 4:3 camera (cropped), a 4:3 shared screen (letterboxed) and someone without video.</summary>
    private void AddScene(Compositor compositor)
    {
        compositor.AddParticipant("alice", "Alice").Submit(Frames.Solid(_pool, 640, 360, Frames.Red));
        compositor.AddParticipant("bob", "Bob").Submit(Frames.Solid(_pool, 640, 480, Frames.Green));
        compositor.AddParticipant("screen", "Slides", AspectMode.Letterbox).Submit(Frames.Solid(_pool, 640, 480, Frames.Blue));
        compositor.AddParticipant("dave", "Dave");
    }

    private static void MatchGolden(string name, VideoFrame canvas, [CallerFilePath] string thisFile = "")
    {
        byte[] actual = Y4m.Write(canvas);
        string path = Path.Combine(AppContext.BaseDirectory, "Goldens", name);
        if (Environment.GetEnvironmentVariable("APPLIANCE_REGENERATE_GOLDENS") == "1")
        {
            File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "Goldens", name), actual); // the committed copy
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, actual); // the build's copy, so this run compares with what it wrote
        }
        Assert.True(File.Exists(path), $"golden {name} is missing; regenerate it (see the class comment)");
        byte[] expected = File.ReadAllBytes(path);
        Assert.Equal(expected.Length, actual.Length);
        int first = expected.AsSpan().CommonPrefixLength(actual);
        Assert.True(first == expected.Length, $"{name} differs first at byte {first}: expected {(first < expected.Length ? expected[first] : 0)}, got {(first < actual.Length ? actual[first] : 0)}");
    }
}
