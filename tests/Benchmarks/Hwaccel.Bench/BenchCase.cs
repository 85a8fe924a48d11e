using Appliance.Hwaccel.Codecs;
using Appliance.Hwaccel.Providers;

namespace Appliance.Hwaccel.Bench;

/// <summary>One codec at one size, encoded with the same settings by the shim and by the ffmpeg CLI.</summary>
public sealed record BenchCase(VideoCodec Codec, int Width, int Height, int Frames, int Bitrate)
{
    public const int FrameRate = 30;
    public const int KeyframeInterval = 300;

    public EncoderSettings Settings => new(Codec, Width, Height, FrameRate, Bitrate, KeyframeInterval);

    public string Name => $"{(Codec == VideoCodec.H264 ? "x264" : "VP8")} {Height}p";

    /// <summary>The ffmpeg CLI encoder arguments equivalent to the shim's options for this codec.</summary>
    public string CliEncoderArguments()
    {
        // The shim passes the same AVOptions string; the CLI takes each as -key value.
        string options = Codec == VideoCodec.H264 ? SoftwareProvider.X264Options(Settings) : SoftwareProvider.VpxOptions(Settings);
        var arguments = new List<string>
        {
            "-c:v", Codec == VideoCodec.H264 ? "libx264" : "libvpx",
            "-b:v", Bitrate.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-g", KeyframeInterval.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-bf", "0",
        };
        foreach (string pair in options.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = pair.IndexOf('=', StringComparison.Ordinal);
            arguments.Add("-" + pair[..equals]);
            arguments.Add(pair[(equals + 1)..]);
        }
        return string.Join(' ', arguments);
    }

    public string CliDecoderName => Codec == VideoCodec.H264 ? "h264" : "vp8";

    public string EncodedExtension => Codec == VideoCodec.H264 ? "h264" : "ivf";
}
