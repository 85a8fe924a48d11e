using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Ffmpeg;
using Appliance.Hwaccel.Frames;
using Appliance.Hwaccel.Native;
using Microsoft.Extensions.Logging;

namespace Appliance.Hwaccel.Providers;

/// <summary>
/// A provider described by FFmpeg encoder and decoder recipes plus the device nodes it needs.
/// The concrete providers (software, V4L2 M2M, NVIDIA, VAAPI, nvmpi) only declare these.
/// </summary>
public abstract class FfmpegProvider : IVideoCodecProvider
{
    private readonly ILoggerFactory _loggers;
    private readonly EncodedFramePool _encodedPool;
    private IReadOnlyList<CodecCapability>? _capabilities;

    protected FfmpegProvider(ILoggerFactory loggers, EncodedFramePool? encodedPool = null)
    {
        _loggers = loggers;
        _encodedPool = encodedPool ?? EncodedFramePool.Shared;
    }

    public abstract string Name { get; }

    public virtual bool IsHardware => true;

    /// <summary>How each codec is encoded (one recipe per codec).</summary>
    public abstract IReadOnlyList<FfmpegEncoderRecipe> Encoders { get; }

    /// <summary>How each codec is decoded (one recipe per codec).</summary>
    public abstract IReadOnlyList<FfmpegDecoderRecipe> Decoders { get; }

    /// <summary>Device nodes (or files) that must exist for this direction, e.g. /dev/video11.</summary>
    protected virtual IEnumerable<string> RequiredPaths(CodecDirection direction) => [];

    public IReadOnlyList<CodecCapability> Capabilities => _capabilities ??=
    [
        .. Encoders.Select(e => new CodecCapability(e.Codec, CodecDirection.Encode, e.MaxWidth, e.MaxHeight, e.FfmpegName)),
        .. Decoders.Select(d => new CodecCapability(d.Codec, CodecDirection.Decode, d.MaxWidth, d.MaxHeight, d.FfmpegName)),
    ];

    public virtual string? CheckPrerequisites(CodecCapability capability)
    {
        foreach (string path in RequiredPaths(capability.Direction))
        {
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                return $"{path} does not exist";
            }
        }
        bool encoder = capability.Direction == CodecDirection.Encode;
        if (!ShimInfo.CodecExists(capability.FfmpegName, encoder))
        {
            return $"this FFmpeg has no {capability.FfmpegName} {(encoder ? "encoder" : "decoder")}";
        }
        return null;
    }

    public IVideoEncoder CreateEncoder(EncoderSettings settings)
    {
        FfmpegEncoderRecipe recipe = Encoders.FirstOrDefault(e => e.Codec == settings.Codec)
            ?? throw new VideoCodecException($"provider {Name} has no {settings.Codec} encoder");
        return new FfmpegEncoder(recipe, settings, _encodedPool, _loggers.CreateLogger<FfmpegEncoder>());
    }

    public IVideoDecoder CreateDecoder(VideoCodec codec, VideoFramePool pool)
    {
        FfmpegDecoderRecipe recipe = Decoders.FirstOrDefault(d => d.Codec == codec)
            ?? throw new VideoCodecException($"provider {Name} has no {codec} decoder");
        return new FfmpegDecoder(recipe, pool, _loggers.CreateLogger<FfmpegDecoder>());
    }

    public override string ToString() => Name;
}
