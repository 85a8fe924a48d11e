using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Appliance.Net.Stun;

/// <summary>
/// The MESSAGE-INTEGRITY attribute: an HMAC-SHA1 of the message (RFC 8489 section 14.5).
/// </summary>
/// <remarks>
/// RFC 8489 section 14.5: "The text used as input to HMAC is the STUN message, up to and
/// including the attribute preceding the MESSAGE-INTEGRITY attribute. The Length field of the
/// STUN message header is adjusted to point to the end of the MESSAGE-INTEGRITY attribute."
/// With short-term credentials (ICE) the key is the password (section 9.1.1), i.e. the ice-pwd.
/// </remarks>
public static class StunMessageIntegrity
{
    /// <summary>HMAC-SHA1 output length, and the attribute's value length.</summary>
    public const int Length = 20;

    private const int StackLimit = 1024;

    /// <summary>
    /// Computes the HMAC for a MESSAGE-INTEGRITY attribute that starts at
    /// <paramref name="integrityOffset"/> of <paramref name="message"/>.
    /// </summary>
    public static void Compute(ReadOnlySpan<byte> message, int integrityOffset, ReadOnlySpan<byte> key, Span<byte> hmac)
    {
        byte[]? rented = null;
        Span<byte> input = integrityOffset <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(integrityOffset));
        try
        {
            input = input[..integrityOffset];
            message[..integrityOffset].CopyTo(input);
            int adjustedLength = integrityOffset + 4 + Length - StunMessage.HeaderLength;
            BinaryPrimitives.WriteUInt16BigEndian(input.Slice(2, 2), (ushort)adjustedLength);
            HMACSHA1.TryHashData(key, input, hmac, out _);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Checks <paramref name="expected"/> in constant time against the HMAC of the message.</summary>
    public static bool Verify(ReadOnlySpan<byte> message, int integrityOffset, ReadOnlySpan<byte> key, ReadOnlySpan<byte> expected)
    {
        if (expected.Length != Length)
        {
            return false;
        }

        Span<byte> actual = stackalloc byte[Length];
        Compute(message, integrityOffset, key, actual);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
