using System.Buffers.Binary;

namespace Appliance.Net.Stun;

/// <summary>
/// Walks the attributes of a message that <see cref="StunMessage.TryParse"/> has validated, so
/// every attribute is known to fit. Use with foreach: <c>foreach (var a in message.Attributes)</c>.
/// </summary>
/// <remarks>
/// RFC 8489 section 14.5: "agents MUST ignore all other attributes that follow MESSAGE-INTEGRITY,
/// with the exception of the MESSAGE-INTEGRITY-SHA256 and FINGERPRINT attributes". The enumerator
/// skips such attributes, so nothing unauthenticated is ever read from after the integrity check.
/// </remarks>
public ref struct StunAttributeEnumerator
{
    private readonly ReadOnlySpan<byte> _message;
    private int _next;
    private bool _afterIntegrity;
    private StunAttribute _current;

    internal StunAttributeEnumerator(ReadOnlySpan<byte> message)
    {
        _message = message;
        _next = StunMessage.HeaderLength;
        _afterIntegrity = false;
        _current = default;
    }

    public readonly StunAttribute Current => _current;

    public readonly StunAttributeEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        while (_next + 4 <= _message.Length)
        {
            int offset = _next;
            ushort type = BinaryPrimitives.ReadUInt16BigEndian(_message.Slice(offset, 2));
            int length = BinaryPrimitives.ReadUInt16BigEndian(_message.Slice(offset + 2, 2));
            _next = offset + 4 + StunMessage.Padded(length);
            if (_afterIntegrity && type is not (StunAttributeType.Fingerprint or StunAttributeType.MessageIntegritySha256))
            {
                continue;
            }

            if (type == StunAttributeType.MessageIntegrity)
            {
                _afterIntegrity = true;
            }

            _current = new StunAttribute(type, offset, _message.Slice(offset + 4, length));
            return true;
        }

        return false;
    }
}
