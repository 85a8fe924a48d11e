using System.Text;
using Appliance.Browser.Tests.Support;
using Appliance.Testing.FakeMedia;

namespace Appliance.Browser.Tests.FakeMedia;

public sealed class Y4mWriterTests : IDisposable
{
    private static readonly Y4mFormat Small = new(64, 36, 10, 1);
    private static readonly YuvColour Red = YuvColour.FromRgb(new RgbColour(200, 40, 40));
    private readonly string _folder = Directory.CreateTempSubdirectory("y4m-test-").FullName;

    [Fact]
    public void The_stream_header_names_size_rate_progressive_square_pixels_and_420()
    {
        Assert.Equal("YUV4MPEG2 W640 H360 F30:1 Ip A1:1 C420jpeg\n", Y4mFormat.Default.StreamHeader());
    }

    [Theory]
    [InlineData(63, 36)]
    [InlineData(64, 35)]
    [InlineData(0, 36)]
    public void A_size_4_2_0_cannot_carry_is_refused(int width, int height)
    {
        Assert.Throws<ArgumentException>(() => new Y4mFormat(width, height, 30, 1).StreamHeader());
    }

    [Fact]
    public void Every_frame_is_a_FRAME_marker_and_three_planes_of_the_colour()
    {
        var path = Write(Small);
        var bytes = File.ReadAllBytes(path);
        var header = Small.StreamHeader().Length;

        Assert.Equal(header + Small.FrameCount * ("FRAME\n".Length + Small.FrameBytes), bytes.Length);
        for (var frame = 0; frame < Small.FrameCount; frame++)
        {
            var start = header + frame * ("FRAME\n".Length + Small.FrameBytes);
            Assert.Equal("FRAME\n", Encoding.ASCII.GetString(bytes, start, 6));
            var planes = bytes.AsSpan(start + 6, Small.FrameBytes);
            Assert.Equal(Red.Y, planes[0]); // top-left luma
            Assert.Equal(Red.U, planes[Small.LumaBytes]);
            Assert.Equal(Red.V, planes[Small.LumaBytes + Small.ChromaBytes]);
        }
    }

    [Fact]
    public void The_marker_moves_along_the_bottom_and_never_enters_the_top_three_quarters()
    {
        var bytes = File.ReadAllBytes(Write(Small));
        var header = Small.StreamHeader().Length;
        var frameSize = "FRAME\n".Length + Small.FrameBytes;
        var first = bytes.AsSpan(header + 6, Small.LumaBytes);
        var last = bytes.AsSpan(header + (Small.FrameCount - 1) * frameSize + 6, Small.LumaBytes);
        var topRows = Small.Width * (Small.Height * 3 / 4);

        Assert.All(first[..topRows].ToArray().Concat(last[..topRows].ToArray()), luma => Assert.Equal(Red.Y, luma));
        Assert.Contains(YuvColour.White.Y, first[topRows..].ToArray());
        Assert.False(first[topRows..].SequenceEqual(last[topRows..]), "the marker did not move");
    }

    [Fact]
    public async Task Ffprobe_reads_it_as_640x360_yuv420p_at_30_fps_with_every_frame()
    {
        var format = Y4mFormat.Default with { Seconds = 1 };
        var path = Write(format);

        var stream = await FfprobeOracle.FirstStreamAsync(path, "codec_name", "width", "height", "pix_fmt", "r_frame_rate", "nb_read_frames");

        Assert.Equal("rawvideo", stream["codec_name"]);
        Assert.Equal(("640", "360"), (stream["width"], stream["height"]));
        Assert.StartsWith("yuv420p", stream["pix_fmt"]);
        Assert.Equal("30/1", stream["r_frame_rate"]);
        Assert.Equal(format.FrameCount.ToString(), stream["nb_read_frames"]);
    }

    private string Write(Y4mFormat format)
    {
        var path = Path.Combine(_folder, "camera.y4m");
        Y4mWriter.WriteFlatWithMovingMarker(path, format, Red, YuvColour.White);
        return path;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
