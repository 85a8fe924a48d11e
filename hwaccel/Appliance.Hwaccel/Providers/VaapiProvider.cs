using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Ffmpeg;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.H264;
using Microsoft.Extensions.Logging;

namespace Appliance.Hwaccel.Providers;

/// <summary>
/// Intel/AMD GPUs through VA-API (/dev/dri/renderD128; the service user must be in group "render").
/// Encoding: h264_vaapi / vp8_vaapi take hardware surfaces, so the shim creates a frames pool and
/// uploads each NV12 picture. Decoding: FFmpeg's own h264/vp8 decoders with a VAAPI device (hwaccel),
/// pictures downloaded to system memory.
/// </summary>
public sealed class VaapiProvider : FfmpegProvider
{
    public const string ProviderName = "vaapi";

    private readonly HwaccelOptions _options;

    public VaapiProvider(HwaccelOptions options, ILoggerFactory loggers, EncodedFramePool? encodedPool = null)
        : base(loggers, encodedPool)
    {
        _options = options;
        Encoders =
        [
            new(ProviderName, VideoCodec.H264, "h264_vaapi", H264Options, HardwareDeviceType: "vaapi",
                HardwareDevice: options.VaapiDevice),
            new(ProviderName, VideoCodec.Vp8, "vp8_vaapi", Vp8Options, HardwareDeviceType: "vaapi",
                HardwareDevice: options.VaapiDevice),
        ];
        Decoders =
        [
            new(ProviderName, VideoCodec.H264, "h264", "threads=1", HardwareDeviceType: "vaapi", HardwareDevice: options.VaapiDevice),
            new(ProviderName, VideoCodec.Vp8, "vp8", "threads=1", HardwareDeviceType: "vaapi", HardwareDevice: options.VaapiDevice),
        ];
    }

    public override string Name => ProviderName;

    public override IReadOnlyList<FfmpegEncoderRecipe> Encoders { get; }

    public override IReadOnlyList<FfmpegDecoderRecipe> Decoders { get; }

    protected override IEnumerable<string> RequiredPaths(CodecDirection direction) => [_options.VaapiDevice];

    public static string H264Options(EncoderSettings s) =>
        $"profile=constrained_baseline;level={H264Level.ToName(H264Level.Select(s.Width, s.Height, s.FrameRate, s.Bitrate))};" +
        "rc_mode=CBR;bf=0";

    public static string Vp8Options(EncoderSettings s) => "rc_mode=CBR;bf=0";
}
