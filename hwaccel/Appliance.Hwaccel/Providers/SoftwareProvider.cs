using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Ffmpeg;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.H264;
using Microsoft.Extensions.Logging;

namespace Appliance.Hwaccel.Providers;

/// <summary>
/// The CPU: libx264 and libvpx (VP8) encoders, FFmpeg's own h264 and vp8 decoders.
/// The path every box has and CI tests (DESIGN.md section 3).
/// </summary>
public sealed class SoftwareProvider : FfmpegProvider
{
    public const string ProviderName = "software";

    public SoftwareProvider(ILoggerFactory loggers, EncodedFramePool? encodedPool = null) : base(loggers, encodedPool)
    {
    }

    public override string Name => ProviderName;

    public override bool IsHardware => false;

    public override IReadOnlyList<FfmpegEncoderRecipe> Encoders { get; } =
    [
        new(ProviderName, VideoCodec.H264, "libx264", X264Options),
        new(ProviderName, VideoCodec.Vp8, "libvpx", VpxOptions),
    ];

    // One thread per decoder, and no frame threading (it adds a frame of delay per thread).
    public override IReadOnlyList<FfmpegDecoderRecipe> Decoders { get; } =
    [
        new(ProviderName, VideoCodec.H264, "h264", "threads=1"),
        new(ProviderName, VideoCodec.Vp8, "vp8", "threads=1"),
    ];

    /// <summary>
    /// libx264 for WebRTC: constrained baseline (x264's "baseline" sets constraint_set1_flag, RFC 6184
    /// profile-level-id 42e0xx), the level from Table A-1, no B-frames, zerolatency, one thread per
    /// encoder (with zerolatency on 2 cores default threading is about 2x slower: DESIGN.md section 3),
    /// SPS/PPS repeated before every IDR, keyframes on request as IDR, VBV of one second.
    /// </summary>
    public static string X264Options(EncoderSettings s)
    {
        string level = H264Level.ToName(H264Level.Select(s.Width, s.Height, s.FrameRate, s.Bitrate));
        return $"preset=ultrafast;tune=zerolatency;threads=1;profile=baseline;level={level};forced-idr=1;" +
               $"maxrate={s.Bitrate};bufsize={s.Bitrate};" +
               $"x264-params=repeat-headers=1:annexb=1:sliced-threads=0:scenecut=0";
    }

    /// <summary>
    /// libvpx VP8 realtime: deadline realtime, cpu-used 8, no lookahead (lag-in-frames 0, no alt-ref),
    /// error resilient (a lost packet does not corrupt the following frames' entropy contexts),
    /// constant bitrate (minrate = maxrate = bitrate selects VPX_CBR), one thread.
    /// </summary>
    public static string VpxOptions(EncoderSettings s) =>
        $"deadline=realtime;cpu-used=8;lag-in-frames=0;auto-alt-ref=0;error-resilient=default;threads=1;" +
        $"minrate={s.Bitrate};maxrate={s.Bitrate};bufsize={s.Bitrate}";
}
