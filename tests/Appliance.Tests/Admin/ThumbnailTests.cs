using System.Buffers.Binary;
using System.IO.Compression;
using Appliance.Admin.Live;
using Appliance.Conference;
using Appliance.Hwaccel.Frames;

namespace Appliance.Tests.Admin;

public sealed class ThumbnailTests
{
    [Fact]
    public void The_png_decodes_back_to_the_same_pixels_with_valid_chunks()
    {
        const int width = 7, height = 3;
        var rgb = new byte[width * height * 3];
        for (var i = 0; i < rgb.Length; i++)
            rgb[i] = (byte)(i * 37);

        var png = PngWriter.Encode(rgb, width, height);

        Assert.Equal(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 }, png[..8]);
        var chunks = Chunks(png).ToList();
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(chunks[0].Data));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(chunks[0].Data.AsSpan(4)));
        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress))
            zlib.CopyTo(inflated);
        var raw = inflated.ToArray();
        Assert.Equal(height * (1 + width * 3), raw.Length);
        for (var row = 0; row < height; row++)
        {
            Assert.Equal(0, raw[row * (1 + width * 3)]);
            Assert.Equal(rgb.AsSpan(row * width * 3, width * 3).ToArray(), raw.AsSpan(row * (1 + width * 3) + 1, width * 3).ToArray());
        }
    }

    [Fact]
    public void The_thumbnail_shows_the_canvas_colours_left_and_right()
    {
        using var canvas = VideoFramePool.Shared.Rent(VideoPixelFormat.I420, 640, 360);
        // Left half BT.601 red (Y 81, U 90, V 240), right half blue (Y 41, U 240, V 110).
        for (var y = 0; y < 360; y++)
            for (var x = 0; x < 640; x++)
                canvas.Y[y * canvas.Stride(0) + x] = (byte)(x < 320 ? 81 : 41);
        for (var y = 0; y < 180; y++)
            for (var x = 0; x < 320; x++)
            {
                canvas.U[y * canvas.Stride(1) + x] = (byte)(x < 160 ? 90 : 240);
                canvas.V[y * canvas.Stride(2) + x] = (byte)(x < 160 ? 240 : 110);
            }
        var thumbnail = new MixThumbnail();
        Assert.False(thumbnail.CopyTo(new byte[MixThumbnail.Width * MixThumbnail.Height * 3]));

        thumbnail.Capture(canvas, tick: 3, everyTicks: 30); // not this tick
        Assert.False(thumbnail.HasPicture);
        thumbnail.Capture(canvas, tick: 30, everyTicks: 30);

        var rgb = new byte[MixThumbnail.Width * MixThumbnail.Height * 3];
        Assert.True(thumbnail.CopyTo(rgb));
        var left = rgb.AsSpan((90 * MixThumbnail.Width + 40) * 3, 3).ToArray();
        var right = rgb.AsSpan((90 * MixThumbnail.Width + 280) * 3, 3).ToArray();
        Assert.InRange(left[0], 245, 255);
        Assert.InRange(left[1], 0, 10);
        Assert.InRange(left[2], 0, 10);
        Assert.InRange(right[0], 0, 10);
        Assert.InRange(right[1], 0, 10);
        Assert.InRange(right[2], 245, 255);
    }

    private static IEnumerable<(string Type, byte[] Data)> Chunks(byte[] png)
    {
        var offset = 8;
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length).ToArray();
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(Crc32(png.AsSpan(offset + 4, 4 + length)), crc);
            yield return (type, data);
            offset += 12 + length;
        }
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? 0xEDB88320 ^ (crc >> 1) : crc >> 1;
        }
        return crc ^ 0xFFFFFFFF;
    }
}
