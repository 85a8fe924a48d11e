using Appliance.Hwaccel.Codecs;

namespace Appliance.Hwaccel;

/// <summary>
/// Configuration of the codec layer (bound from the "Hwaccel" configuration section by the host).
/// Preference lists name providers: "nvmpi", "nvidia", "vaapi", "v4l2m2m", "software".
/// A provider is used only when the probe found it present for that codec and direction;
/// the next one in the list is tried otherwise.
/// </summary>
public sealed class HwaccelOptions
{
    public static readonly IReadOnlyList<string> DefaultPreference = ["nvmpi", "nvidia", "vaapi", "v4l2m2m", "software"];

    /// <summary>Encoder providers in order of preference, for every codec.</summary>
    public List<string> EncoderPreference { get; set; } = [.. DefaultPreference];

    /// <summary>Decoder providers in order of preference, for every codec.</summary>
    public List<string> DecoderPreference { get; set; } = [.. DefaultPreference];

    /// <summary>Overrides of <see cref="EncoderPreference"/> for H.264.</summary>
    public List<string>? H264EncoderPreference { get; set; }

    /// <summary>Overrides of <see cref="DecoderPreference"/> for H.264.</summary>
    public List<string>? H264DecoderPreference { get; set; }

    /// <summary>Overrides of <see cref="EncoderPreference"/> for VP8.</summary>
    public List<string>? Vp8EncoderPreference { get; set; }

    /// <summary>Overrides of <see cref="DecoderPreference"/> for VP8.</summary>
    public List<string>? Vp8DecoderPreference { get; set; }

    /// <summary>Hardware encoders and decoders that fail at run time are replaced by software ones.</summary>
    public bool FallBackToSoftware { get; set; } = true;

    /// <summary>V4L2 memory-to-memory encoder node (Raspberry Pi 4 bcm2835-codec: /dev/video11).</summary>
    public string V4l2EncoderDevice { get; set; } = "/dev/video11";

    /// <summary>V4L2 memory-to-memory decoder node (Raspberry Pi 4: /dev/video10).</summary>
    public string V4l2DecoderDevice { get; set; } = "/dev/video10";

    /// <summary>DRM render node for VAAPI (group "render").</summary>
    public string VaapiDevice { get; set; } = "/dev/dri/renderD128";

    /// <summary>The preference list for one codec and direction.</summary>
    public IReadOnlyList<string> PreferenceFor(VideoCodec codec, CodecDirection direction) => (codec, direction) switch
    {
        (VideoCodec.H264, CodecDirection.Encode) => H264EncoderPreference ?? EncoderPreference,
        (VideoCodec.H264, CodecDirection.Decode) => H264DecoderPreference ?? DecoderPreference,
        (VideoCodec.Vp8, CodecDirection.Encode) => Vp8EncoderPreference ?? EncoderPreference,
        _ => Vp8DecoderPreference ?? DecoderPreference,
    };
}
