using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Ffmpeg;
using Appliance.Hwaccel.Frames;
using Microsoft.Extensions.Logging;

namespace Appliance.Hwaccel.Providers;

/// <summary>
/// NVIDIA Jetson (Orin NX/AGX encode, every Orin decode) through the nvmpi FFmpeg patches
/// (h264_nvmpi, vp8_nvmpi), present only in FFmpeg builds that carry them; the stock Debian FFmpeg
/// does not, and the probe says so. Orin Nano has no encoder: the probe finds the encoder absent.
/// </summary>
public sealed class NvmpiProvider : FfmpegProvider
{
    public const string ProviderName = "nvmpi";

    public NvmpiProvider(ILoggerFactory loggers, EncodedFramePool? encodedPool = null) : base(loggers, encodedPool)
    {
    }

    public override string Name => ProviderName;

    public override IReadOnlyList<FfmpegEncoderRecipe> Encoders { get; } =
    [
        // The nvmpi wrapper's options differ between forks; rely on AVCodecContext fields only
        // (bit_rate, gop_size, max_b_frames = 0, set by the shim).
        new(ProviderName, VideoCodec.H264, "h264_nvmpi", _ => "", MaxWidth: 4096, MaxHeight: 4096),
    ];

    public override IReadOnlyList<FfmpegDecoderRecipe> Decoders { get; } =
    [
        new(ProviderName, VideoCodec.H264, "h264_nvmpi"),
        new(ProviderName, VideoCodec.Vp8, "vp8_nvmpi"),
    ];

    /// <summary>Jetson boards carry /etc/nv_tegra_release (L4T).</summary>
    protected override IEnumerable<string> RequiredPaths(CodecDirection direction) => ["/etc/nv_tegra_release"];
}
