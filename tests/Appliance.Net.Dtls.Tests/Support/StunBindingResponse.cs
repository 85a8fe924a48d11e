using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;

namespace Appliance.Net.Dtls.Tests.Support;

/// <summary>
/// Just enough ICE-lite for a browser test: answers a STUN Binding request (RFC 5389)
/// with XOR-MAPPED-ADDRESS, MESSAGE-INTEGRITY keyed with our ice-pwd, and FINGERPRINT,
/// so the browser's connectivity check succeeds and it starts DTLS. (The product's own
/// STUN/ICE lives in Appliance.Net.Ice; this test helper does not validate requests.)
/// </summary>
internal static class StunBindingResponse
{
    private const uint MagicCookie = 0x2112A442;

    public static bool TryCreate(ReadOnlySpan<byte> request, IPEndPoint source, string icePassword, out byte[] response)
    {
        response = [];
        if (request.Length < 20 || request[0] != 0x00 || request[1] != 0x01
            || BinaryPrimitives.ReadUInt32BigEndian(request[4..]) != MagicCookie
            || source.Address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
        {
            return false;
        }

        var message = new byte[64];
        BinaryPrimitives.WriteUInt16BigEndian(message, 0x0101); // Binding success response
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), MagicCookie);
        request[8..20].CopyTo(message.AsSpan(8)); // transaction ID

        // XOR-MAPPED-ADDRESS (RFC 5389 section 15.2).
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(20), 0x0020);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(22), 8);
        message[25] = 0x01; // IPv4
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(26), (ushort)(source.Port ^ (MagicCookie >> 16)));
        uint address = BinaryPrimitives.ReadUInt32BigEndian(source.Address.GetAddressBytes());
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(28), address ^ MagicCookie);

        // MESSAGE-INTEGRITY (section 15.4): HMAC-SHA1 over the message so far, the header
        // length already counting this attribute.
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), 32 + 24 - 20);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(32), 0x0008);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(34), 20);
        HMACSHA1.HashData(System.Text.Encoding.UTF8.GetBytes(icePassword), message.AsSpan(0, 32), message.AsSpan(36, 20));

        // FINGERPRINT (section 15.5): CRC-32 of the message so far XOR 0x5354554e.
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), 64 - 20);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(56), 0x8028);
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(58), 4);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(60), Crc32(message.AsSpan(0, 56)) ^ 0x5354554E);

        response = message;
        return true;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return ~crc;
    }
}
