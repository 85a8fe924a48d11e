namespace Appliance.Hwaccel.H264;

/// <summary>
/// Picks the lowest H.264 level whose limits a stream fits in.
/// ITU-T H.264 Annex A, Table A-1 "Level limits": MaxMBPS (max macroblock processing rate, MB/s),
/// MaxFS (max frame size, MBs), MaxBR (max video bit rate, 1000 bits/s for the Baseline profile:
/// A.3.1 item j uses cpbBrVclFactor = 1000). A.3.1 also bounds each dimension:
/// "PicWidthInMbs &lt;= Sqrt(MaxFS * 8)" and the same for FrameHeightInMbs.
/// Level 1b is skipped: constrained baseline signals it awkwardly and level 1.1 covers it.
/// </summary>
public static class H264Level
{
    private readonly record struct Limits(int LevelIdc, int MaxMbps, int MaxFs, int MaxBrKbps);

    // Table A-1 (level_idc = 10 * level number).
    private static readonly Limits[] Table =
    [
        new(10, 1_485, 99, 64),
        new(11, 3_000, 396, 192),
        new(12, 6_000, 396, 384),
        new(13, 11_880, 396, 768),
        new(20, 11_880, 396, 2_000),
        new(21, 19_800, 792, 4_000),
        new(22, 20_250, 1_620, 4_000),
        new(30, 40_500, 1_620, 10_000),
        new(31, 108_000, 3_600, 14_000),
        new(32, 216_000, 5_120, 20_000),
        new(40, 245_760, 8_192, 20_000),
        new(41, 245_760, 8_192, 50_000),
        new(42, 522_240, 8_704, 50_000),
        new(50, 589_824, 22_080, 135_000),
        new(51, 983_040, 36_864, 240_000),
        new(52, 2_073_600, 36_864, 240_000),
    ];

    /// <summary>level_idc (e.g. 31 for level 3.1) for a resolution, frame rate and bitrate.</summary>
    public static int Select(int width, int height, int framesPerSecond, int bitsPerSecond)
    {
        int widthMbs = (width + 15) / 16;
        int heightMbs = (height + 15) / 16;
        long frameSizeMbs = (long)widthMbs * heightMbs;
        long mbPerSecond = frameSizeMbs * framesPerSecond;
        foreach (Limits level in Table)
        {
            double maxDimension = Math.Sqrt(level.MaxFs * 8.0);
            if (frameSizeMbs <= level.MaxFs && mbPerSecond <= level.MaxMbps &&
                widthMbs <= maxDimension && heightMbs <= maxDimension &&
                bitsPerSecond <= level.MaxBrKbps * 1000L)
            {
                return level.LevelIdc;
            }
        }
        return Table[^1].LevelIdc;
    }

    /// <summary>"3.1" for 31: the spelling x264, nvenc and vaapi options take.</summary>
    public static string ToName(int levelIdc) => $"{levelIdc / 10}.{levelIdc % 10}";
}
