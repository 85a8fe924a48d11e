using Appliance.Media.PayloadFormats;
using Appliance.Media.PayloadFormats.Vp8;
using CsCheck;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Media.Tests.PayloadFormats;

public class Vp8RoundTripTests
{
    private static Vp8Depacketizer NewDepacketizer() => new(new EncodedFramePool(), NullLogger<Vp8Depacketizer>.Instance);

    private static List<(byte[] Payload, bool Marker)> Packetize(Vp8Packetizer packetizer, byte[] frame)
    {
        var packets = new List<(byte[], bool)>();
        var buffer = new byte[packetizer.MaxPayloadSize];
        Vp8PacketSequence sequence = packetizer.Packetize(frame);
        while (sequence.TryWriteNext(buffer, out int written, out bool marker))
        {
            packets.Add((buffer[..written], marker));
        }

        return packets;
    }

    /// <summary>A VP8 frame: payload header byte with the P bit chosen, then random data.</summary>
    private static readonly Gen<byte[]> Frames =
        Gen.Select(Gen.Bool, Gen.Byte.Array[1, 6000], (key, data) =>
        {
            data[0] = (byte)((data[0] & 0xFE) | (key ? 0 : 1));
            return data;
        });

    [Fact]
    public void Random_frames_survive_packetize_then_depacketize()
    {
        Gen.Select(Frames, Gen.Int[5, 1500], Gen.UShort).Sample((frame, mtu, firstSeq) =>
        {
            var packetizer = new Vp8Packetizer(mtu, initialPictureId: 100);
            var packets = Packetize(packetizer, frame);
            Assert.All(packets, p => Assert.InRange(p.Payload.Length, Vp8Packetizer.DescriptorSize + 1, mtu));
            Assert.Single(packets, p => p.Marker);
            Assert.True(packets[^1].Marker);

            using var depacketizer = NewDepacketizer();
            var result = DepacketizeResult.None;
            ushort seq = firstSeq;
            foreach (var (payload, marker) in packets)
            {
                result |= depacketizer.Push(payload, seq++, 90000, marker);
            }

            Assert.Equal(DepacketizeResult.FrameReady, result);
            Assert.True(depacketizer.TryDequeue(out EncodedFrame? decoded));
            using (decoded)
            {
                Assert.Equal(frame, decoded.Data.ToArray());
                Assert.Equal((frame[0] & 1) == 0, decoded.IsKeyFrame);
                Assert.Equal(100, decoded.PictureId);
            }
        }, iter: 300);
    }

    [Fact]
    public void Picture_id_increments_per_frame_and_wraps_at_15_bits()
    {
        var packetizer = new Vp8Packetizer(initialPictureId: 0x7FFE);
        var ids = new List<int>();
        for (int i = 0; i < 3; i++)
        {
            foreach (var (payload, _) in Packetize(packetizer, new byte[3000]))
            {
                Assert.True(Vp8PayloadDescriptor.TryParse(payload, out var d));
                Assert.True(d.IsLongPictureId);
                ids.Add(d.PictureId);
            }
        }

        Assert.Equal([0x7FFE, 0x7FFE, 0x7FFE, 0x7FFF, 0x7FFF, 0x7FFF, 0, 0, 0], ids);
    }

    [Fact]
    public void Only_the_first_payload_starts_the_frame()
    {
        var packets = Packetize(new Vp8Packetizer(1200), new byte[2500]);

        Assert.Equal(3, packets.Count);
        Assert.Equal(0x90, packets[0].Payload[0]);
        Assert.Equal(0x80, packets[1].Payload[0]);
        Assert.Equal(0x80, packets[2].Payload[0]);
    }

    [Fact]
    public void A_missing_packet_discards_the_frame()
    {
        var packets = Packetize(new Vp8Packetizer(1200), new byte[3000]);
        using var depacketizer = NewDepacketizer();

        var result = depacketizer.Push(packets[0].Payload, 1, 0, false) | depacketizer.Push(packets[2].Payload, 3, 0, true);

        Assert.Equal(DepacketizeResult.FrameDiscarded, result);
        Assert.False(depacketizer.TryDequeue(out _));
    }

    [Fact]
    public void A_lost_first_packet_discards_the_frame_and_the_next_frame_start_recovers()
    {
        var packetizer = new Vp8Packetizer(1200);
        var first = Packetize(packetizer, new byte[2000]);
        var second = Packetize(packetizer, new byte[2000]);
        using var depacketizer = NewDepacketizer();

        // The first packet ever seen is the second half of a frame.
        var result = depacketizer.Push(first[1].Payload, 11, 0, true);
        Assert.Equal(DepacketizeResult.FrameDiscarded, result);

        // After a gap, S=1 PID=0 marks a certain frame start.
        result = depacketizer.Push(second[0].Payload, 20, 3000, false) | depacketizer.Push(second[1].Payload, 21, 3000, true);
        Assert.Equal(DepacketizeResult.FrameReady, result);
        Assert.True(depacketizer.TryDequeue(out EncodedFrame? frame));
        frame.Dispose();
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        using var depacketizer = NewDepacketizer();
        Gen.Select(Gen.Byte.Array[0, 32], Gen.UShort, Gen.Bool).Sample((payload, seq, marker) =>
        {
            depacketizer.Push(payload, seq, 0, marker);
            while (depacketizer.TryDequeue(out EncodedFrame? frame))
            {
                frame.Dispose();
            }
        }, iter: 5000);
    }
}
