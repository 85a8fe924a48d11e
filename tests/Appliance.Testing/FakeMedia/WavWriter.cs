using System.Buffers.Binary;

namespace Appliance.Testing.FakeMedia;

/// <summary>
/// Writes a RIFF WAVE file of 16-bit signed little-endian PCM, the format Chromium's
/// <c>--use-file-for-fake-audio-capture</c> plays (in a loop) as its microphone.
/// Layout: "RIFF" size "WAVE", a 16-byte "fmt " chunk (WAVE_FORMAT_PCM = 1, channels,
/// sample rate, byte rate, block align, bits per sample), then the "data" chunk.
/// </summary>
public static class WavWriter
{
    private const ushort WaveFormatPcm = 1;
    private const ushort BitsPerSample = 16;
    private const int HeaderBytes = 44;

    /// <summary>
    /// A mono sine tone. With a whole number of hertz and whole seconds the file holds a
    /// whole number of periods, so the loop point is seamless (no click at the seam).
    /// </summary>
    public static void WriteSine(string path, int sampleRate, int seconds, int frequencyHz, double amplitude)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(seconds);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(frequencyHz, sampleRate / 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(amplitude, 1.0);

        var samples = sampleRate * seconds;
        var bytes = new byte[HeaderBytes + samples * sizeof(short)];
        WriteHeader(bytes, sampleRate, channels: 1, dataBytes: samples * sizeof(short));
        var data = bytes.AsSpan(HeaderBytes);
        var peak = amplitude * short.MaxValue;
        for (var n = 0; n < samples; n++)
        {
            var value = (short)Math.Round(peak * Math.Sin(2 * Math.PI * frequencyHz * n / sampleRate));
            BinaryPrimitives.WriteInt16LittleEndian(data.Slice(n * sizeof(short)), value);
        }
        File.WriteAllBytes(path, bytes);
    }

    private static void WriteHeader(Span<byte> header, int sampleRate, ushort channels, int dataBytes)
    {
        var blockAlign = (ushort)(channels * BitsPerSample / 8);
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], HeaderBytes - 8 + dataBytes);
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], WaveFormatPcm);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], channels);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], sampleRate * blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], BitsPerSample);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[40..], dataBytes);
    }
}
