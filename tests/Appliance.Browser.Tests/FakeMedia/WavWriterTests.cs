using System.Buffers.Binary;
using System.Text;
using Appliance.Browser.Tests.Support;
using Appliance.Testing.FakeMedia;

namespace Appliance.Browser.Tests.FakeMedia;

public sealed class WavWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("wav-test-").FullName;

    [Fact]
    public void The_header_describes_48_kHz_mono_16_bit_pcm()
    {
        var bytes = File.ReadAllBytes(Write(440, seconds: 1));

        Assert.Equal("RIFF", Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal(bytes.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(4)));
        Assert.Equal("WAVEfmt ", Encoding.ASCII.GetString(bytes, 8, 8));
        Assert.Equal(16, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(16)));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(20)));     // PCM
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(22)));     // mono
        Assert.Equal(48_000, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(24)));
        Assert.Equal(96_000, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(28))); // bytes per second
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(32)));     // block align
        Assert.Equal(16, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(34)));
        Assert.Equal("data", Encoding.ASCII.GetString(bytes, 36, 4));
        Assert.Equal(96_000, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(40)));
    }

    [Theory]
    [InlineData(317)]
    [InlineData(1471)]
    public void The_samples_are_a_sine_of_the_frequency_at_minus_6_dBFS(int hz)
    {
        var samples = Samples(File.ReadAllBytes(Write(hz, seconds: 1)));

        var upwardZeroCrossings = Enumerable.Range(1, samples.Length - 1).Count(n => samples[n - 1] < 0 && samples[n] >= 0);
        Assert.InRange(upwardZeroCrossings, hz - 1, hz + 1);
        Assert.InRange(samples.Max(s => Math.Abs((int)s)), 16_380, 16_384); // 0.5 of full scale
    }

    [Fact]
    public void The_file_loops_without_a_click()
    {
        var samples = Samples(File.ReadAllBytes(Write(317, seconds: 1)));

        // Whole periods: the sample after the last is the first (sin 0 = 0), one normal step away.
        var step = 2 * Math.PI * 317 / 48_000 * 16_384;
        Assert.Equal(0, samples[0]);
        Assert.InRange(Math.Abs(samples[^1] - 0), 0, step + 1);
    }

    [Fact]
    public async Task Ffprobe_reads_it_as_pcm_s16le_48_kHz_mono()
    {
        var stream = await FfprobeOracle.FirstStreamAsync(Write(613, seconds: 3), "codec_name", "sample_rate", "channels", "duration");

        Assert.Equal("pcm_s16le", stream["codec_name"]);
        Assert.Equal("48000", stream["sample_rate"]);
        Assert.Equal("1", stream["channels"]);
        Assert.Equal(3.0, double.Parse(stream["duration"], System.Globalization.CultureInfo.InvariantCulture), 3);
    }

    [Fact]
    public void A_tone_at_or_above_nyquist_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WavWriter.WriteSine(Path.Combine(_folder, "x.wav"), 48_000, 1, 24_000, 0.5));
    }

    private string Write(int hz, int seconds)
    {
        var path = Path.Combine(_folder, $"tone-{hz}.wav");
        WavWriter.WriteSine(path, 48_000, seconds, hz, 0.5);
        return path;
    }

    private static short[] Samples(byte[] wav)
    {
        var data = wav.AsSpan(44);
        var samples = new short[data.Length / 2];
        for (var n = 0; n < samples.Length; n++)
            samples[n] = BinaryPrimitives.ReadInt16LittleEndian(data[(2 * n)..]);
        return samples;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
