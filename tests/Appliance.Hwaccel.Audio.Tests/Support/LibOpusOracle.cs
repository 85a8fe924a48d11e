using System.Runtime.InteropServices;

namespace Appliance.Hwaccel.Audio.Tests.Support;

/// <summary>libopus' own packet inspection functions, used as the oracle for the C# header parser.</summary>
internal static partial class LibOpusOracle
{
    [LibraryImport("libopus.so.0", EntryPoint = "opus_packet_get_nb_samples")]
    public static partial int GetNbSamples(ReadOnlySpan<byte> packet, int length, int sampleRate);

    [LibraryImport("libopus.so.0", EntryPoint = "opus_packet_get_bandwidth")]
    public static partial int GetBandwidth(ReadOnlySpan<byte> packet);

    [LibraryImport("libopus.so.0", EntryPoint = "opus_packet_get_samples_per_frame")]
    public static partial int GetSamplesPerFrame(ReadOnlySpan<byte> packet, int sampleRate);

    [LibraryImport("libopus.so.0", EntryPoint = "opus_packet_get_nb_channels")]
    public static partial int GetNbChannels(ReadOnlySpan<byte> packet);

    [LibraryImport("libopus.so.0", EntryPoint = "opus_packet_get_nb_frames")]
    public static partial int GetNbFrames(ReadOnlySpan<byte> packet, int length);
}
