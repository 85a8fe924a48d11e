using System.Globalization;
using Appliance.Hwaccel.Audio.Opus;

namespace Appliance.Hwaccel.Audio.Bench;

/// <summary>One configuration measured on both sides with the same settings.</summary>
public sealed record BenchCase(int Channels, OpusApplication Application, int Bitrate, int Complexity)
{
    /// <summary>Short label for the table.</summary>
    public string Name => $"{(Channels == 1 ? "mono" : "stereo")} {(Application == OpusApplication.Voip ? "voip" : "audio")} {Bitrate / 1000}k c{Complexity}";

    /// <summary>The ffmpeg libopus encoder options equivalent to this case (20 ms frames, VBR).</summary>
    public string CliEncoderArguments() => string.Create(
        CultureInfo.InvariantCulture,
        $"-c:a libopus -b:a {Bitrate} -application {(Application == OpusApplication.Voip ? "voip" : "audio")} -frame_duration 20 -compression_level {Complexity} -vbr on");

    /// <summary>A configured encoder for this case.</summary>
    public OpusEncoder CreateEncoder() => new(Channels, Application) { Bitrate = Bitrate, Complexity = Complexity };
}
