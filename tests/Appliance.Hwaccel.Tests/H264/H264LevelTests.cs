using Appliance.Hwaccel.H264;

namespace Appliance.Hwaccel.Tests.H264;

/// <summary>Levels from ITU-T H.264 Table A-1 for the sizes the appliance encodes.</summary>
public sealed class H264LevelTests
{
    [Theory]
    [InlineData(320, 240, 30, 500_000, 13)]      // 300 MBs, 9,000 MB/s: level 1.3
    [InlineData(640, 360, 30, 1_500_000, 30)]    // 920 MBs, 27,600 MB/s > 20,250 (2.2): level 3
    [InlineData(1280, 720, 30, 2_500_000, 31)]   // 3,600 MBs, 108,000 MB/s: exactly level 3.1
    [InlineData(1280, 720, 60, 4_000_000, 32)]   // 216,000 MB/s: exactly level 3.2
    [InlineData(1920, 1080, 30, 6_000_000, 40)]  // 8,160 MBs (1088 lines), 244,800 MB/s: level 4
    [InlineData(1920, 1080, 60, 8_000_000, 42)]  // 489,600 MB/s: level 4.2
    [InlineData(640, 360, 30, 12_000_000, 31)]   // the bitrate alone (MaxBR 10,000 kbit/s at level 3) forces 3.1
    public void SelectsTheLowestLevelThatFits(int width, int height, int fps, int bitrate, int expected)
    {
        Assert.Equal(expected, H264Level.Select(width, height, fps, bitrate));
    }

    [Fact]
    public void AFrameTooWideForItsLevelsFrameSizeMovesUp()
    {
        // 2048x64: 128x4 = 512 MBs fits level 2.1's MaxFS (792), but Sqrt(792 * 8) = 79.6 < 128 MBs wide.
        // Level 3.1 (MaxFS 3,600): Sqrt(28,800) = 169.7 >= 128.
        Assert.Equal(31, H264Level.Select(2048, 64, 10, 100_000));
    }

    [Theory]
    [InlineData(31, "3.1")]
    [InlineData(40, "4.0")]
    [InlineData(13, "1.3")]
    public void NamesLevels(int levelIdc, string name) => Assert.Equal(name, H264Level.ToName(levelIdc));
}
