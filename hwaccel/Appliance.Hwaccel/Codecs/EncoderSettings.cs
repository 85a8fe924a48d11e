namespace Appliance.Hwaccel.Codecs;

/// <summary>What an encoder is asked to produce.</summary>
/// <param name="Codec">H.264 or VP8.</param>
/// <param name="Width">Picture width in pixels (even).</param>
/// <param name="Height">Picture height in pixels (even).</param>
/// <param name="FrameRate">Frames per second.</param>
/// <param name="Bitrate">Target bits per second.</param>
/// <param name="KeyframeInterval">Frames between periodic keyframes (a GOP); keyframes on request come on top.</param>
/// <param name="InputFormat">Layout of the frames given to <see cref="IVideoEncoder.Encode"/>.</param>
public sealed record EncoderSettings(
    VideoCodec Codec,
    int Width,
    int Height,
    int FrameRate = 30,
    int Bitrate = 1_500_000,
    int KeyframeInterval = 300,
    Frames.VideoPixelFormat InputFormat = Frames.VideoPixelFormat.I420)
{
    /// <summary>Throws on values no encoder accepts.</summary>
    public void Validate()
    {
        if (Width < 16 || Height < 16 || Width > 4096 || Height > 4096 || (Width & 1) != 0 || (Height & 1) != 0)
        {
            throw new ArgumentException($"resolution {Width}x{Height} must be even and within 16..4096");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(FrameRate, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(FrameRate, 120);
        ArgumentOutOfRangeException.ThrowIfLessThan(Bitrate, 10_000);
        ArgumentOutOfRangeException.ThrowIfLessThan(KeyframeInterval, 1);
    }
}
