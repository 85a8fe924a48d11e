using System.Buffers.Binary;
using Appliance.Media.Jitter;
using Appliance.Media.PayloadFormats;
using Appliance.Media.PayloadFormats.H264;
using Appliance.Media.PayloadFormats.Vp8;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Appliance.Media.Tests.PayloadFormats;

/// <summary>
/// Real libx264 and libvpx output (TestData/README.md) through packetizer, jitter buffer and
/// depacketizer: every frame comes back byte for byte, and key frames are where FFmpeg put them.
/// </summary>
public class EncoderOutputTests
{
    private static readonly int[] KeyFrameIndexes = [0, 10, 20];

    private static byte[] ReadTestData(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", name));

    /// <summary>Splits the byte stream at each access unit delimiter, rewriting every start code to four bytes.</summary>
    private static List<byte[]> H264AccessUnits()
    {
        var units = new List<byte[]>();
        var current = new List<byte>();
        var reader = new AnnexBReader(ReadTestData("testsrc-320x240-baseline.h264"));
        while (reader.TryReadNext(out ReadOnlySpan<byte> nal))
        {
            if ((nal[0] & 0x1F) == H264NalUnitType.AccessUnitDelimiter && current.Count > 0)
            {
                units.Add([.. current]);
                current.Clear();
            }

            current.AddRange([0, 0, 0, 1]);
            current.AddRange(nal.ToArray());
        }

        units.Add([.. current]);
        return units;
    }

    /// <summary>IVF: a 32-byte file header, then per frame a 4-byte little-endian size, an 8-byte timestamp and the frame.</summary>
    private static List<byte[]> Vp8Frames()
    {
        byte[] file = ReadTestData("testsrc-320x240-vp8.ivf");
        Assert.Equal("DKIF"u8.ToArray(), file[..4]);
        Assert.Equal("VP80"u8.ToArray(), file[8..12]);
        var frames = new List<byte[]>();
        int offset = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(6));
        while (offset + 12 <= file.Length)
        {
            int size = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset));
            frames.Add(file[(offset + 12)..(offset + 12 + size)]);
            offset += 12 + size;
        }

        return frames;
    }

    private static List<EncodedFrame> RoundTrip(IVideoDepacketizer depacketizer, List<byte[]> frames, Func<byte[], List<(byte[] Payload, bool Marker)>> packetize)
    {
        using var buffer = new VideoJitterBuffer(depacketizer, new VideoJitterBufferOptions(), new FakeTimeProvider(), NullLogger<VideoJitterBuffer>.Instance);
        var output = new List<EncodedFrame>();
        ushort seq = 65000;
        uint timestamp = 0;
        foreach (byte[] frame in frames)
        {
            var packets = packetize(frame);
            Assert.All(packets, p => Assert.InRange(p.Payload.Length, 1, 1200));

            // Each frame's packets arrive in reverse order.
            ushort first = seq;
            seq += (ushort)packets.Count;
            for (int i = packets.Count - 1; i >= 0; i--)
            {
                buffer.Insert(packets[i].Payload, (ushort)(first + i), timestamp, packets[i].Marker);
            }

            timestamp += 3000;
            while (buffer.TryDequeue(out EncodedFrame? decoded))
            {
                output.Add(decoded);
            }
        }

        return output;
    }

    [Fact]
    public void Libx264_access_units_round_trip_with_key_frames_where_ffmpeg_put_them()
    {
        List<byte[]> accessUnits = H264AccessUnits();
        Assert.Equal(30, accessUnits.Count);

        List<EncodedFrame> frames = RoundTrip(H264TestData.NewDepacketizer(), accessUnits, au => H264TestData.Packetize(au));

        Assert.Equal(accessUnits, frames.Select(f => f.Data.ToArray()));
        Assert.Equal(KeyFrameIndexes, frames.Select((f, i) => (f, i)).Where(x => x.f.IsKeyFrame).Select(x => x.i));
        Assert.All(frames.Where(f => f.IsKeyFrame), f => Assert.True(f.HasSequenceParameterSet && f.HasPictureParameterSet));
        frames.ForEach(f => f.Dispose());
    }

    [Fact]
    public void Libx264_key_frames_are_found_in_their_fu_a_packets()
    {
        byte[] keyFrame = H264AccessUnits()[10];

        var packets = H264TestData.Packetize(keyFrame);

        Assert.Contains(packets, p => (p.Payload[0] & 0x1F) == H264NalUnitType.FuA);
        Assert.Contains(packets, p =>
            (p.Payload[0] & 0x1F) == H264NalUnitType.FuA
            && H264PayloadInspector.TryInspect(p.Payload, out VideoPacketTraits traits)
            && traits.HasFlag(VideoPacketTraits.KeyFrame | VideoPacketTraits.FragmentStart));
    }

    [Fact]
    public void Libvpx_frames_round_trip_with_key_frames_where_ffmpeg_put_them()
    {
        List<byte[]> vp8Frames = Vp8Frames();
        Assert.Equal(30, vp8Frames.Count);
        var packetizer = new Vp8Packetizer(1200, initialPictureId: 0x7FF0);
        var buffer = new byte[1200];

        List<EncodedFrame> frames = RoundTrip(
            new Vp8Depacketizer(new EncodedFramePool(), NullLogger<Vp8Depacketizer>.Instance),
            vp8Frames,
            frame =>
            {
                var packets = new List<(byte[], bool)>();
                Vp8PacketSequence sequence = packetizer.Packetize(frame);
                while (sequence.TryWriteNext(buffer, out int written, out bool marker))
                {
                    packets.Add((buffer[..written], marker));
                }

                return packets;
            });

        Assert.Equal(vp8Frames, frames.Select(f => f.Data.ToArray()));
        Assert.Equal(KeyFrameIndexes, frames.Select((f, i) => (f, i)).Where(x => x.f.IsKeyFrame).Select(x => x.i));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (0x7FF0 + i) & 0x7FFF), frames.Select(f => f.PictureId));
        frames.ForEach(f => f.Dispose());
    }
}
