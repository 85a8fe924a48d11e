using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Ffmpeg;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.H264;
using Microsoft.Extensions.Logging;

namespace Appliance.Hwaccel.Providers;

/// <summary>
/// NVIDIA GPUs on x86: NVENC (h264_nvenc) and NVDEC through FFmpeg's cuvid decoders
/// (h264_cuvid, vp8_cuvid), which hand back system-memory NV12 pictures without a device context.
/// Upstream h264_nvenc does not work on Jetson (see <see cref="NvmpiProvider"/>).
/// </summary>
public sealed class NvidiaProvider : FfmpegProvider
{
    public const string ProviderName = "nvidia";

    public NvidiaProvider(ILoggerFactory loggers, EncodedFramePool? encodedPool = null) : base(loggers, encodedPool)
    {
    }

    public override string Name => ProviderName;

    public override IReadOnlyList<FfmpegEncoderRecipe> Encoders { get; } =
    [
        new(ProviderName, VideoCodec.H264, "h264_nvenc", EncoderOptions, MaxWidth: 4096, MaxHeight: 4096),
    ];

    public override IReadOnlyList<FfmpegDecoderRecipe> Decoders { get; } =
    [
        new(ProviderName, VideoCodec.H264, "h264_cuvid", "surfaces=8"),
        new(ProviderName, VideoCodec.Vp8, "vp8_cuvid", "surfaces=8"),
    ];

    protected override IEnumerable<string> RequiredPaths(CodecDirection direction) => ["/dev/nvidia0"];

    /// <summary>Low-latency NVENC: fastest preset, ultra-low-latency tuning, no delay or B-frames,
    /// CBR, constrained baseline at the computed level, IDR on request, SPS/PPS before IDRs.</summary>
    public static string EncoderOptions(EncoderSettings s) =>
        $"preset=p1;tune=ull;zerolatency=1;delay=0;bf=0;rc=cbr;profile=baseline;" +
        $"level={H264Level.ToName(H264Level.Select(s.Width, s.Height, s.FrameRate, s.Bitrate))};forced-idr=1";
}
