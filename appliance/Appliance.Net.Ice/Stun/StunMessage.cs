using System.Buffers.Binary;
using System.Net;
using System.Text;

namespace Appliance.Net.Stun;

/// <summary>
/// A validated view over one STUN message in a caller's buffer (RFC 8489). Nothing is copied;
/// the view is valid while the buffer is.
/// </summary>
/// <remarks>
/// RFC 8489 section 5:
/// <code>
///   0                   1                   2                   3
///   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
///  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///  |0 0|     STUN Message Type     |         Message Length        |
///  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///  |                         Magic Cookie                          |
///  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
///  |                     Transaction ID (96 bits)                  |
///  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// The input is hostile: <see cref="TryParse"/> returns false, never throws, for anything that is
/// not a well-formed message, and every accessor only reads inside the validated bounds.
/// </remarks>
public readonly ref struct StunMessage
{
    public const int HeaderLength = 20;
    public const int TransactionIdLength = 12;
    public const uint MagicCookie = 0x2112A442;

    private readonly ReadOnlySpan<byte> _message;
    private readonly int _integrityOffset;
    private readonly int _fingerprintOffset;

    private StunMessage(ReadOnlySpan<byte> message, int integrityOffset, int fingerprintOffset)
    {
        _message = message;
        _integrityOffset = integrityOffset;
        _fingerprintOffset = fingerprintOffset;
    }

    /// <summary>The whole message.</summary>
    public ReadOnlySpan<byte> Raw => _message;

    public ushort MessageType => BinaryPrimitives.ReadUInt16BigEndian(_message);

    public StunMethod Method => StunMessageType.GetMethod(MessageType);

    public StunMessageClass Class => StunMessageType.GetClass(MessageType);

    public ReadOnlySpan<byte> TransactionId => _message.Slice(8, TransactionIdLength);

    public bool HasMessageIntegrity => _integrityOffset >= 0;

    public bool HasFingerprint => _fingerprintOffset >= 0;

    public StunAttributeEnumerator Attributes => new(_message);

    /// <summary>
    /// Validates <paramref name="datagram"/> as exactly one STUN message (RFC 8489 section 6.3):
    /// the two top bits are zero, the magic cookie is present, the length is a multiple of 4 and
    /// matches the datagram, every attribute fits, MESSAGE-INTEGRITY is 20 bytes, and FINGERPRINT,
    /// if present, is 4 bytes and last.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, out StunMessage message)
    {
        message = default;
        if (datagram.Length < HeaderLength || (datagram[0] & 0xC0) != 0)
        {
            return false;
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(datagram.Slice(2, 2));
        if ((length & 3) != 0 || HeaderLength + length != datagram.Length
            || BinaryPrimitives.ReadUInt32BigEndian(datagram.Slice(4, 4)) != MagicCookie)
        {
            return false;
        }

        int integrityOffset = -1;
        int fingerprintOffset = -1;
        int offset = HeaderLength;
        while (offset < datagram.Length)
        {
            if (fingerprintOffset >= 0 || offset + 4 > datagram.Length)
            {
                return false; // something after FINGERPRINT, or a torn attribute header
            }

            ushort type = BinaryPrimitives.ReadUInt16BigEndian(datagram.Slice(offset, 2));
            int valueLength = BinaryPrimitives.ReadUInt16BigEndian(datagram.Slice(offset + 2, 2));
            if (offset + 4 + Padded(valueLength) > datagram.Length)
            {
                return false;
            }

            if (type == StunAttributeType.MessageIntegrity && integrityOffset < 0)
            {
                if (valueLength != StunMessageIntegrity.Length)
                {
                    return false;
                }

                integrityOffset = offset;
            }
            else if (type == StunAttributeType.Fingerprint)
            {
                if (valueLength != 4)
                {
                    return false;
                }

                fingerprintOffset = offset;
            }

            offset += 4 + Padded(valueLength);
        }

        message = new StunMessage(datagram, integrityOffset, fingerprintOffset);
        return true;
    }

    /// <summary>The first attribute of <paramref name="type"/> (before MESSAGE-INTEGRITY, see <see cref="StunAttributeEnumerator"/>).</summary>
    public bool TryGetAttribute(ushort type, out ReadOnlySpan<byte> value)
    {
        foreach (StunAttribute attribute in Attributes)
        {
            if (attribute.Type == type)
            {
                value = attribute.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>USERNAME (RFC 8489 section 14.3); for ICE "receiver-ufrag:sender-ufrag" (RFC 8445 section 7.2.2).</summary>
    public bool TryGetUsername(out ReadOnlySpan<byte> username) => TryGetAttribute(StunAttributeType.Username, out username);

    /// <summary>PRIORITY (RFC 8445 section 7.1.1): a 32-bit unsigned integer.</summary>
    public bool TryGetPriority(out uint priority)
    {
        priority = 0;
        if (!TryGetAttribute(StunAttributeType.Priority, out ReadOnlySpan<byte> value) || value.Length != 4)
        {
            return false;
        }

        priority = BinaryPrimitives.ReadUInt32BigEndian(value);
        return true;
    }

    /// <summary>USE-CANDIDATE (RFC 8445 section 7.1.2): no value.</summary>
    public bool HasUseCandidate => TryGetAttribute(StunAttributeType.UseCandidate, out _);

    /// <summary>ICE-CONTROLLING (RFC 8445 section 7.1.3): the sender's 64-bit tiebreaker.</summary>
    public bool TryGetIceControlling(out ulong tiebreaker) => TryGetUInt64(StunAttributeType.IceControlling, out tiebreaker);

    /// <summary>ICE-CONTROLLED (RFC 8445 section 7.1.3): the sender's 64-bit tiebreaker.</summary>
    public bool TryGetIceControlled(out ulong tiebreaker) => TryGetUInt64(StunAttributeType.IceControlled, out tiebreaker);

    /// <summary>
    /// ERROR-CODE (RFC 8489 section 14.8): 21 reserved bits, a 3-bit class (3-6), an 8-bit number
    /// (0-99), then a UTF-8 reason phrase.
    /// </summary>
    public bool TryGetErrorCode(out int code, out ReadOnlySpan<byte> reasonPhrase)
    {
        code = 0;
        reasonPhrase = default;
        if (!TryGetAttribute(StunAttributeType.ErrorCode, out ReadOnlySpan<byte> value) || value.Length < 4)
        {
            return false;
        }

        int errorClass = value[2] & 0x07;
        int number = value[3];
        if (errorClass is < 3 or > 6 || number > 99)
        {
            return false;
        }

        code = (errorClass * 100) + number;
        reasonPhrase = value[4..];
        return true;
    }

    /// <summary>SOFTWARE (RFC 8489 section 14.14), as UTF-8 bytes.</summary>
    public bool TryGetSoftware(out ReadOnlySpan<byte> software) => TryGetAttribute(StunAttributeType.Software, out software);

    /// <summary>
    /// XOR-MAPPED-ADDRESS (RFC 8489 section 14.2). Allocates an <see cref="IPEndPoint"/>: for the
    /// client side and tests; the box itself only writes this attribute.
    /// </summary>
    public bool TryGetXorMappedAddress(out IPEndPoint? endPoint)
    {
        endPoint = null;
        Span<byte> address = stackalloc byte[16];
        if (!TryGetAttribute(StunAttributeType.XorMappedAddress, out ReadOnlySpan<byte> value)
            || !StunXorAddress.TryRead(value, _message, address, out int addressLength, out int port))
        {
            return false;
        }

        endPoint = new IPEndPoint(new IPAddress(address[..addressLength]), port);
        return true;
    }

    /// <summary>
    /// True if MESSAGE-INTEGRITY is present and is the HMAC-SHA1 of the message under
    /// <paramref name="key"/> (for ICE: the UTF-8 ice-pwd). Constant time; no allocation.
    /// </summary>
    public bool VerifyMessageIntegrity(ReadOnlySpan<byte> key)
    {
        if (_integrityOffset < 0)
        {
            return false;
        }

        ReadOnlySpan<byte> expected = _message.Slice(_integrityOffset + 4, StunMessageIntegrity.Length);
        return StunMessageIntegrity.Verify(_message, _integrityOffset, key, expected);
    }

    /// <summary>True if FINGERPRINT is present and matches the message's CRC-32 (RFC 8489 section 14.7).</summary>
    public bool VerifyFingerprint()
    {
        if (_fingerprintOffset < 0)
        {
            return false;
        }

        uint expected = BinaryPrimitives.ReadUInt32BigEndian(_message.Slice(_fingerprintOffset + 4, 4));
        return StunFingerprint.Compute(_message, _fingerprintOffset) == expected;
    }

    /// <summary>A USERNAME's text for logs (allocates).</summary>
    public static string DescribeUsername(ReadOnlySpan<byte> username) => Encoding.UTF8.GetString(username);

    /// <summary>Value lengths are padded to a multiple of 4 (RFC 8489 section 14).</summary>
    internal static int Padded(int length) => (length + 3) & ~3;

    private bool TryGetUInt64(ushort type, out ulong result)
    {
        result = 0;
        if (!TryGetAttribute(type, out ReadOnlySpan<byte> value) || value.Length != 8)
        {
            return false;
        }

        result = BinaryPrimitives.ReadUInt64BigEndian(value);
        return true;
    }
}
