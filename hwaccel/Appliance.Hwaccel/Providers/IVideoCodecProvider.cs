using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Frames;

namespace Appliance.Hwaccel.Providers;

/// <summary>
/// A family of codecs backed by one kind of hardware (or by the CPU): "software", "v4l2m2m",
/// "nvidia", "vaapi", "nvmpi". What it claims is only a claim: <see cref="Probe.HwaccelProbe"/> decides
/// what is present by opening each codec and producing a frame.
/// </summary>
public interface IVideoCodecProvider
{
    /// <summary>The name used in <see cref="HwaccelOptions"/> preference lists.</summary>
    string Name { get; }

    /// <summary>Whether this is a hardware provider (whose encoders get a software fallback).</summary>
    bool IsHardware { get; }

    /// <summary>What the provider would do if its hardware is there.</summary>
    IReadOnlyList<CodecCapability> Capabilities { get; }

    /// <summary>A cheap reason why the provider cannot work on this machine (no device node, codec
    /// not in this FFmpeg), or null when it is worth probing.</summary>
    string? CheckPrerequisites(CodecCapability capability);

    /// <summary>Opens an encoder; throws <see cref="VideoCodecException"/> when it cannot.</summary>
    IVideoEncoder CreateEncoder(EncoderSettings settings);

    /// <summary>Opens a decoder; throws <see cref="VideoCodecException"/> when it cannot.</summary>
    IVideoDecoder CreateDecoder(VideoCodec codec, VideoFramePool pool);
}
