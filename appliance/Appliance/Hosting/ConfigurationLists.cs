using Appliance.Hwaccel;
using Appliance.WebRtc;

namespace Appliance.Hosting;

/// <summary>
/// The configuration binder adds a configured list's items to the defaults a property starts
/// with (<c>Media:VideoCodecPreference:0=VP8</c> would bind as H264, VP8, VP8). A configured
/// list must replace the default one: these binders read list settings as whole lists.
/// </summary>
public static class ConfigurationLists
{
    /// <summary>The list configured at <paramref name="key"/> under <paramref name="section"/>, or null when none is.</summary>
    public static string[]? Read(IConfiguration section, string key)
    {
        var list = section.GetSection(key);
        return list.GetChildren().Any() ? list.Get<string[]>() : null;
    }

    public static void ReplaceLists(IConfiguration configuration, MediaPortOptions options)
    {
        var section = configuration.GetSection(MediaPortOptions.SectionName);
        if (Read(section, nameof(MediaPortOptions.VideoCodecPreference)) is { } codecs)
            options.VideoCodecPreference = codecs;
        if (Read(section, nameof(MediaPortOptions.AnnouncedAddresses)) is { } addresses)
            options.AnnouncedAddresses = addresses;
    }

    /// <summary>The "Hwaccel" section with its preference lists as configured.</summary>
    public static HwaccelOptions Hwaccel(IConfiguration configuration)
    {
        var section = configuration.GetSection("Hwaccel");
        var options = section.Get<HwaccelOptions>() ?? new HwaccelOptions();
        if (Read(section, nameof(HwaccelOptions.EncoderPreference)) is { } encoders)
            options.EncoderPreference = [.. encoders];
        if (Read(section, nameof(HwaccelOptions.DecoderPreference)) is { } decoders)
            options.DecoderPreference = [.. decoders];
        if (Read(section, nameof(HwaccelOptions.H264EncoderPreference)) is { } h264Encoders)
            options.H264EncoderPreference = [.. h264Encoders];
        if (Read(section, nameof(HwaccelOptions.H264DecoderPreference)) is { } h264Decoders)
            options.H264DecoderPreference = [.. h264Decoders];
        if (Read(section, nameof(HwaccelOptions.Vp8EncoderPreference)) is { } vp8Encoders)
            options.Vp8EncoderPreference = [.. vp8Encoders];
        if (Read(section, nameof(HwaccelOptions.Vp8DecoderPreference)) is { } vp8Decoders)
            options.Vp8DecoderPreference = [.. vp8Decoders];
        return options;
    }
}
