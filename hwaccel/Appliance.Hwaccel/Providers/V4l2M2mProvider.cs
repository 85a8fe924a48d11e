using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Ffmpeg;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.H264;
using Microsoft.Extensions.Logging;

namespace Appliance.Hwaccel.Providers;

/// <summary>
/// V4L2 memory-to-memory codecs: the Raspberry Pi 4's bcm2835-codec (h264_v4l2m2m; decoder
/// /dev/video10, encoder /dev/video11). Rated 1080p30 encode, at most 1920 pixels wide. VP8 has no
/// hardware here and stays in software. Quirks handled (DESIGN.md sections 3 and 8): the level and
/// profile are set explicitly, at least 4 capture buffers, bitrate capped at 20 Mbit/s, and SPS/PPS
/// repeated before every IDR by <see cref="ParameterSetInserter"/> (the encoder sends them once).
/// </summary>
public sealed class V4l2M2mProvider : FfmpegProvider
{
    public const string ProviderName = "v4l2m2m";

    // FF_PROFILE_H264_CONSTRAINED_BASELINE = 66 | FF_PROFILE_H264_CONSTRAINED (1 << 9): the generic
    // AVCodecContext "profile" option, which v4l2_m2m_enc maps to V4L2_MPEG_VIDEO_H264_PROFILE_CONSTRAINED_BASELINE.
    private const int ConstrainedBaselineProfile = 578;

    private readonly HwaccelOptions _options;

    public V4l2M2mProvider(HwaccelOptions options, ILoggerFactory loggers, EncodedFramePool? encodedPool = null)
        : base(loggers, encodedPool)
    {
        _options = options;
        Encoders =
        [
            new(ProviderName, VideoCodec.H264, "h264_v4l2m2m", EncoderOptions, MaxWidth: 1920, MaxHeight: 1088,
                MaxBitrate: 20_000_000),
        ];
        Decoders =
        [
            // The decoder's own default of 20 capture buffers is also its minimum.
            new(ProviderName, VideoCodec.H264, "h264_v4l2m2m", "", MaxWidth: 1920, MaxHeight: 1088),
        ];
    }

    public override string Name => ProviderName;

    public override IReadOnlyList<FfmpegEncoderRecipe> Encoders { get; }

    public override IReadOnlyList<FfmpegDecoderRecipe> Decoders { get; }

    protected override IEnumerable<string> RequiredPaths(CodecDirection direction) =>
        [direction == CodecDirection.Encode ? _options.V4l2EncoderDevice : _options.V4l2DecoderDevice];

    /// <summary>Explicit profile and level (the Pi's firmware picks a level too low for 1080p otherwise),
    /// 4 capture buffers (fewer stalls the encoder; never hold them all), no B-frames.</summary>
    public static string EncoderOptions(EncoderSettings s) =>
        $"num_capture_buffers=4;profile={ConstrainedBaselineProfile};" +
        $"level={H264Level.Select(s.Width, s.Height, s.FrameRate, s.Bitrate)};bf=0";
}
