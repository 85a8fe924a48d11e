using System.Buffers.Binary;

namespace Appliance.Net.Dtls.Tests.Support;

/// <summary>Builds plain RTP and RTCP packets (RFC 3550) for the SRTP tests.</summary>
internal static class Packets
{
    /// <summary>A version 2 RTP packet: 12-byte header, then <paramref name="payload"/>.</summary>
    public static byte[] Rtp(ushort sequence, uint ssrc, byte[] payload, uint timestamp = 0xDECAFBAD, byte payloadType = 96)
    {
        var packet = new byte[12 + payload.Length];
        packet[0] = 0x80;
        packet[1] = payloadType;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
        payload.CopyTo(packet, 12);
        return packet;
    }

    /// <summary>An RTCP receiver report (PT 201) with one report block (RFC 3550 section 6.4.2).</summary>
    public static byte[] ReceiverReport(uint senderSsrc, uint reportedSsrc)
    {
        var packet = new byte[32];
        packet[0] = 0x81;
        packet[1] = 201;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), 7);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), senderSsrc);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), reportedSsrc);
        packet[12] = 0x10; // fraction lost
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(16), 0x0000_1234); // highest sequence
        return packet;
    }

    /// <summary>Copies a packet into a buffer with <paramref name="spare"/> bytes of room after it.</summary>
    public static byte[] WithRoom(byte[] packet, int spare)
    {
        var buffer = new byte[packet.Length + spare];
        packet.CopyTo(buffer, 0);
        return buffer;
    }
}
