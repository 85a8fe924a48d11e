using System.Buffers.Binary;

namespace Appliance.Fuzzing.Targets;

/// <summary>
/// How a depacketizer input is laid out, so mutations reorder, lose, duplicate and corrupt
/// packets as well as bytes: a series of [flags][length, 2 bytes][payload]. Flags: bit 0 the
/// RTP marker, bits 1-3 the step to the next sequence number plus 2 (steps -2 … +5: duplicates,
/// reordering, loss), bit 4 a new timestamp (the next frame).
/// </summary>
public static class PacketStream
{
    public delegate void PacketHandler(ReadOnlySpan<byte> payload, ushort sequenceNumber, uint timestamp, bool marker);

    public static void Read(ReadOnlySpan<byte> input, PacketHandler onPacket)
    {
        ushort sequenceNumber = 65_000; // wraps early
        uint timestamp = 0;
        while (input.Length >= 3)
        {
            var flags = input[0];
            var length = Math.Min(BinaryPrimitives.ReadUInt16BigEndian(input[1..]), input.Length - 3);
            var payload = input.Slice(3, length);
            input = input[(3 + length)..];
            if ((flags & 0x10) != 0)
                timestamp += 3000;
            onPacket(payload, sequenceNumber, timestamp, (flags & 1) != 0);
            sequenceNumber = (ushort)(sequenceNumber + ((flags >> 1) & 7) - 2);
        }
    }

    /// <summary>Packets in order, one frame after another, as a sender produces them.</summary>
    public static byte[] Write(IEnumerable<(byte[] Payload, bool Marker, bool NewFrame)> packets)
    {
        var output = new List<byte>();
        foreach (var (payload, marker, newFrame) in packets)
        {
            // Step bits 3 = +1: the next packet has the next sequence number.
            output.Add((byte)((marker ? 1 : 0) | (3 << 1) | (newFrame ? 0x10 : 0)));
            output.Add((byte)(payload.Length >> 8));
            output.Add((byte)payload.Length);
            output.AddRange(payload);
        }
        return [.. output];
    }
}
