using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Appliance.Resilience.StateWriter;

/// <summary>
/// A state file that can tell whether it is whole: an 8-byte generation, a 32-byte SHA-256
/// of the generation and the body, then a body derived from the generation. A torn, short or
/// mixed write fails the hash.
/// </summary>
public static class StateRecord
{
    private const int HeaderLength = 8 + 32;

    public static byte[] Create(long generation, int bodyLength)
    {
        var record = new byte[HeaderLength + bodyLength];
        BinaryPrimitives.WriteInt64BigEndian(record, generation);
        new Random(unchecked((int)generation)).NextBytes(record.AsSpan(HeaderLength));
        Hash(record, record.AsSpan(8, 32));
        return record;
    }

    public static bool TryRead(ReadOnlySpan<byte> record, out long generation)
    {
        generation = 0;
        if (record.Length < HeaderLength)
            return false;
        Span<byte> hash = stackalloc byte[32];
        Hash(record, hash);
        if (!hash.SequenceEqual(record.Slice(8, 32)))
            return false;
        generation = BinaryPrimitives.ReadInt64BigEndian(record);
        return true;
    }

    private static void Hash(ReadOnlySpan<byte> record, Span<byte> hash)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(record[..8]);
        sha.AppendData(record[HeaderLength..]);
        sha.GetHashAndReset(hash);
    }
}
