using System.Buffers.Binary;
using Appliance.Media.PayloadFormats;
using Appliance.Media.PayloadFormats.H264;
using Appliance.Media.PayloadFormats.Vp8;
using Appliance.Media.Receivers;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Fuzzing.Targets;

/// <summary>
/// A camera stream as the box receives it: RTP payloads through the <see cref="VideoReceiver"/>
/// (jitter buffer, NACK and key frame bookkeeping) into the H.264 (RFC 6184) or VP8 (RFC 7741)
/// depacketizer, and every whole frame out. Seeds: real encoder output from the test data,
/// packetized by the box's own packetizers, a few frames per seed.
/// </summary>
public abstract class DepacketizerTarget : FuzzTarget
{
    private const int FramesPerSeed = 3;

    protected abstract IVideoDepacketizer CreateDepacketizer();

    /// <summary>The encoded frames of the codec's test file.</summary>
    protected abstract IReadOnlyList<byte[]> Frames(string corpusFolder);

    /// <summary>One frame's RTP payloads and markers, from the box's packetizer.</summary>
    protected abstract IEnumerable<(byte[] Payload, bool Marker)> Packetize(byte[] frame);

    public override IReadOnlyList<byte[]> Seeds(string corpusFolder) =>
        Frames(corpusFolder).Chunk(FramesPerSeed)
            .Select(frames => PacketStream.Write(frames.SelectMany(frame =>
                Packetize(frame).Select((packet, i) => (packet.Payload, packet.Marker, NewFrame: i == 0)))))
            .ToList();

    public override void Execute(byte[] input)
    {
        using var receiver = new VideoReceiver(0x1234, CreateDepacketizer(), new VideoReceiverOptions(), TimeProvider.System, NullLoggerFactory.Instance);
        Span<ushort> nacks = stackalloc ushort[64];
        PacketStream.Read(input, (payload, sequenceNumber, timestamp, marker) =>
        {
            receiver.OnRtpPacket(payload, sequenceNumber, timestamp, marker);
            while (receiver.TryDequeue(out var frame))
                frame.Dispose();
        });
        receiver.Poll(nacks);
    }
}

public sealed class H264DepacketizerTarget : DepacketizerTarget
{
    public override string Name => "h264-depacketizer";

    protected override IVideoDepacketizer CreateDepacketizer() =>
        new H264Depacketizer(EncodedFramePool.Shared, NullLogger<H264Depacketizer>.Instance);

    /// <summary>Access units of the Annex B file, split at each access unit delimiter (type 9).</summary>
    protected override IReadOnlyList<byte[]> Frames(string corpusFolder)
    {
        var file = File.ReadAllBytes(Path.Combine(corpusFolder, Name, "testsrc-320x240-baseline.h264"));
        var units = new List<byte[]>();
        var current = new List<byte>();
        var reader = new AnnexBReader(file);
        while (reader.TryReadNext(out var nal) && units.Count < 30)
        {
            if ((nal[0] & 0x1F) == H264NalUnitType.AccessUnitDelimiter && current.Count > 0)
            {
                units.Add([.. current]);
                current.Clear();
            }
            current.AddRange([0, 0, 0, 1]);
            current.AddRange(nal.ToArray());
        }
        return units;
    }

    protected override IEnumerable<(byte[] Payload, bool Marker)> Packetize(byte[] frame)
    {
        var packets = new List<(byte[], bool)>();
        var sequence = new H264Packetizer(300).Packetize(frame); // small packets: FU-A and STAP-A both appear
        var buffer = new byte[1500];
        while (sequence.TryWriteNext(buffer, out var written, out var marker))
            packets.Add((buffer[..written], marker));
        return packets;
    }
}

public sealed class Vp8DepacketizerTarget : DepacketizerTarget
{
    public override string Name => "vp8-depacketizer";

    protected override IVideoDepacketizer CreateDepacketizer() =>
        new Vp8Depacketizer(EncodedFramePool.Shared, NullLogger<Vp8Depacketizer>.Instance);

    /// <summary>IVF: a header of the length at offset 6, then per frame a 4-byte size, an 8-byte timestamp and the frame.</summary>
    protected override IReadOnlyList<byte[]> Frames(string corpusFolder)
    {
        var file = File.ReadAllBytes(Path.Combine(corpusFolder, Name, "testsrc-320x240-vp8.ivf"));
        var frames = new List<byte[]>();
        int offset = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(6));
        while (offset + 12 <= file.Length && frames.Count < 30)
        {
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(file.AsSpan(offset));
            frames.Add(file[(offset + 12)..(offset + 12 + size)]);
            offset += 12 + size;
        }
        return frames;
    }

    protected override IEnumerable<(byte[] Payload, bool Marker)> Packetize(byte[] frame)
    {
        var packets = new List<(byte[], bool)>();
        var sequence = new Vp8Packetizer(300).Packetize(frame);
        var buffer = new byte[1500];
        while (sequence.TryWriteNext(buffer, out var written, out var marker))
            packets.Add((buffer[..written], marker));
        return packets;
    }
}
