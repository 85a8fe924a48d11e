namespace Appliance.Hwaccel.Frames;

/// <summary>
/// Raw picture layouts (values match enum ah_pixel_format in the C shim).
/// Both are 4:2:0: chroma has half the width and half the height of luma, rounded up.
/// </summary>
public enum VideoPixelFormat
{
    /// <summary>Three planes: Y, then U (Cb), then V (Cr). FFmpeg's yuv420p.</summary>
    I420 = 0,

    /// <summary>Two planes: Y, then interleaved U/V pairs. FFmpeg's nv12; what most hardware codecs use.</summary>
    Nv12 = 1,
}
