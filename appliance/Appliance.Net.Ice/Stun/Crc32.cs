namespace Appliance.Net.Stun;

/// <summary>
/// CRC-32 as ISO/IEC 13239 and ITU-T V.42 define it (polynomial 0x04C11DB7, reflected 0xEDB88320,
/// initial value and final XOR 0xFFFFFFFF): the checksum STUN's FINGERPRINT uses (RFC 8489 section 14.7).
/// </summary>
internal static class Crc32
{
    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFFu;
        foreach (byte b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc ^ 0xFFFFFFFFu;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
