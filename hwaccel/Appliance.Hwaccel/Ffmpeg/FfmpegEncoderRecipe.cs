using Appliance.Hwaccel.Codecs;

namespace Appliance.Hwaccel.Ffmpeg;

/// <summary>
/// How one provider drives one FFmpeg encoder: its name, its AVOptions for given settings
/// ("key=value;key=value", codec private options first, then AVCodecContext ones), and the
/// hardware device it needs, if any.
/// </summary>
/// <param name="Provider">Provider name ("software", "v4l2m2m", ...).</param>
/// <param name="Codec">What it produces.</param>
/// <param name="FfmpegName">FFmpeg encoder name ("libx264", "h264_v4l2m2m").</param>
/// <param name="Options">AVOptions for the settings.</param>
/// <param name="MaxWidth">Widest picture the hardware takes.</param>
/// <param name="MaxHeight">Tallest picture the hardware takes.</param>
/// <param name="HardwareDeviceType">av_hwdevice type ("vaapi") when the encoder takes hardware frames.</param>
/// <param name="HardwareDevice">Device path for that type ("/dev/dri/renderD128").</param>
/// <param name="MaxBitrate">Highest bitrate the hardware is driven at (Raspberry Pi 4: 20 Mbit/s).</param>
public sealed record FfmpegEncoderRecipe(
    string Provider,
    VideoCodec Codec,
    string FfmpegName,
    Func<EncoderSettings, string> Options,
    int MaxWidth = 4096,
    int MaxHeight = 4096,
    string? HardwareDeviceType = null,
    string? HardwareDevice = null,
    int MaxBitrate = int.MaxValue);

/// <summary>How one provider drives one FFmpeg decoder.</summary>
/// <param name="Provider">Provider name.</param>
/// <param name="Codec">What it consumes.</param>
/// <param name="FfmpegName">FFmpeg decoder name ("h264", "h264_v4l2m2m", "h264_cuvid").</param>
/// <param name="Options">AVOptions ("threads=1").</param>
/// <param name="MaxWidth">Widest picture the hardware takes.</param>
/// <param name="MaxHeight">Tallest picture the hardware takes.</param>
/// <param name="HardwareDeviceType">av_hwdevice type for hwaccel decoding through a generic decoder ("vaapi").</param>
/// <param name="HardwareDevice">Device path for that type.</param>
public sealed record FfmpegDecoderRecipe(
    string Provider,
    VideoCodec Codec,
    string FfmpegName,
    string Options = "",
    int MaxWidth = 4096,
    int MaxHeight = 4096,
    string? HardwareDeviceType = null,
    string? HardwareDevice = null);
