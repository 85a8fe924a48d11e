namespace Appliance.Testing.FakeMedia;

/// <summary>The shape of a fake camera file: 4:2:0 8-bit frames at a whole frame rate.</summary>
public sealed record Y4mFormat(int Width, int Height, int FramesPerSecond, int Seconds)
{
    /// <summary>640x360 at 30 fps for 3 s: what the join page asks the camera for.</summary>
    public static Y4mFormat Default { get; } = new(640, 360, 30, 3);

    public int FrameCount => FramesPerSecond * Seconds;
    public int LumaBytes => Width * Height;
    public int ChromaBytes => (Width / 2) * (Height / 2);
    public int FrameBytes => LumaBytes + 2 * ChromaBytes;

    /// <summary>
    /// "C420jpeg": 4:2:0 with chroma sited between the luma samples, the default of
    /// FFmpeg's y4m muxer and one of the 4:2:0 variants Chromium's reader accepts.
    /// "Ip": progressive; "A1:1": square pixels.
    /// </summary>
    public string StreamHeader()
    {
        if (Width <= 0 || Height <= 0 || Width % 2 != 0 || Height % 2 != 0)
            throw new ArgumentException($"A 4:2:0 picture needs a positive even size, not {Width}x{Height}.");
        return $"YUV4MPEG2 W{Width} H{Height} F{FramesPerSecond}:1 Ip A1:1 C420jpeg\n";
    }
}
