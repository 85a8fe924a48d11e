namespace Appliance.Hwaccel.Frames;

/// <summary>
/// Where each plane of a picture lives inside one buffer. Strides are padded to 32 bytes so
/// SIMD code in libswscale and the codecs can read whole vectors.
/// </summary>
public readonly record struct VideoFrameLayout
{
    private const int Alignment = 32;

    public VideoFrameLayout(VideoPixelFormat format, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, 8192);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, 8192);
        Format = format;
        Width = width;
        Height = height;
        ChromaWidth = (width + 1) / 2;
        ChromaHeight = (height + 1) / 2;
        LumaStride = Align(width);
        ChromaStride = format == VideoPixelFormat.I420 ? Align(ChromaWidth) : Align(ChromaWidth * 2);
        LumaSize = LumaStride * height;
        int chromaPlaneSize = ChromaStride * ChromaHeight;
        PlaneCount = format == VideoPixelFormat.I420 ? 3 : 2;
        TotalSize = LumaSize + (chromaPlaneSize * (PlaneCount - 1));
        ChromaPlaneSize = chromaPlaneSize;
    }

    public VideoPixelFormat Format { get; }
    public int Width { get; }
    public int Height { get; }
    public int ChromaWidth { get; }
    public int ChromaHeight { get; }
    public int LumaStride { get; }

    /// <summary>Stride of U and V (I420) or of the interleaved UV plane (NV12).</summary>
    public int ChromaStride { get; }
    public int LumaSize { get; }
    public int ChromaPlaneSize { get; }
    public int PlaneCount { get; }
    public int TotalSize { get; }

    /// <summary>Byte offset of a plane (0 = Y, 1 = U or UV, 2 = V).</summary>
    public int PlaneOffset(int plane) => plane switch
    {
        0 => 0,
        1 => LumaSize,
        2 when PlaneCount == 3 => LumaSize + ChromaPlaneSize,
        _ => throw new ArgumentOutOfRangeException(nameof(plane)),
    };

    public int PlaneSize(int plane) => plane == 0 ? LumaSize : ChromaPlaneSize;

    public int Stride(int plane) => plane == 0 ? LumaStride : ChromaStride;

    private static int Align(int value) => (value + Alignment - 1) & ~(Alignment - 1);
}
