using System.Buffers.Binary;
using System.Net;
using System.Text;
using Appliance.Net.Udp;

namespace Appliance.Net.Stun;

/// <summary>
/// Writes one STUN message into a caller's buffer (RFC 8489 sections 5 and 14): the header first,
/// then attributes in call order; MESSAGE-INTEGRITY and FINGERPRINT, when used, come last.
/// </summary>
/// <remarks>
/// Nothing is allocated. If the buffer is too small, the writer stops writing and sets
/// <see cref="Overflowed"/>; check it once at the end rather than after each call.
/// Padding bytes are zero.
/// </remarks>
public ref struct StunMessageWriter
{
    private readonly Span<byte> _buffer;
    private int _length;
    private bool _overflowed;

    public StunMessageWriter(Span<byte> buffer, StunMethod method, StunMessageClass messageClass, ReadOnlySpan<byte> transactionId)
    {
        if (transactionId.Length != StunMessage.TransactionIdLength)
        {
            throw new ArgumentException("A STUN transaction ID is 12 bytes.", nameof(transactionId));
        }

        _buffer = buffer;
        if (buffer.Length < StunMessage.HeaderLength)
        {
            _overflowed = true;
            return;
        }

        BinaryPrimitives.WriteUInt16BigEndian(buffer, StunMessageType.Encode(method, messageClass));
        BinaryPrimitives.WriteUInt16BigEndian(buffer.Slice(2, 2), 0);
        BinaryPrimitives.WriteUInt32BigEndian(buffer.Slice(4, 4), StunMessage.MagicCookie);
        transactionId.CopyTo(buffer.Slice(8, StunMessage.TransactionIdLength));
        _length = StunMessage.HeaderLength;
    }

    /// <summary>Bytes written so far (header included).</summary>
    public readonly int Length => _length;

    /// <summary>True if an attribute did not fit: the message is incomplete and must not be sent.</summary>
    public readonly bool Overflowed => _overflowed;

    /// <summary>The message written so far.</summary>
    public readonly ReadOnlySpan<byte> Written => _buffer[.._length];

    /// <summary>Appends an attribute with any value; padding is added.</summary>
    public void AddAttribute(ushort type, scoped ReadOnlySpan<byte> value)
    {
        Span<byte> target = Reserve(type, value.Length);
        if (!_overflowed)
        {
            value.CopyTo(target);
        }
    }

    /// <summary>USERNAME (RFC 8489 section 14.3) from UTF-8 bytes.</summary>
    public void AddUsername(scoped ReadOnlySpan<byte> username) => AddAttribute(StunAttributeType.Username, username);

    /// <summary>USERNAME written as "<paramref name="receiverUfrag"/>:<paramref name="senderUfrag"/>" (RFC 8445 section 7.2.2).</summary>
    public void AddUsername(scoped ReadOnlySpan<char> receiverUfrag, scoped ReadOnlySpan<char> senderUfrag)
    {
        int length = Encoding.UTF8.GetByteCount(receiverUfrag) + 1 + Encoding.UTF8.GetByteCount(senderUfrag);
        Span<byte> target = Reserve(StunAttributeType.Username, length);
        if (_overflowed)
        {
            return;
        }

        int written = Encoding.UTF8.GetBytes(receiverUfrag, target);
        target[written++] = (byte)':';
        Encoding.UTF8.GetBytes(senderUfrag, target[written..]);
    }

    /// <summary>SOFTWARE (RFC 8489 section 14.14).</summary>
    public void AddSoftware(scoped ReadOnlySpan<char> software) => AddText(StunAttributeType.Software, software);

    /// <summary>PRIORITY (RFC 8445 section 7.1.1).</summary>
    public void AddPriority(uint priority)
    {
        Span<byte> target = Reserve(StunAttributeType.Priority, 4);
        if (!_overflowed)
        {
            BinaryPrimitives.WriteUInt32BigEndian(target, priority);
        }
    }

    /// <summary>USE-CANDIDATE (RFC 8445 section 7.1.2), which has no value.</summary>
    public void AddUseCandidate() => Reserve(StunAttributeType.UseCandidate, 0);

    /// <summary>ICE-CONTROLLING with the sender's tiebreaker (RFC 8445 section 7.1.3).</summary>
    public void AddIceControlling(ulong tiebreaker) => AddUInt64(StunAttributeType.IceControlling, tiebreaker);

    /// <summary>ICE-CONTROLLED with the sender's tiebreaker (RFC 8445 section 7.1.3).</summary>
    public void AddIceControlled(ulong tiebreaker) => AddUInt64(StunAttributeType.IceControlled, tiebreaker);

    /// <summary>ERROR-CODE (RFC 8489 section 14.8); <paramref name="code"/> is 300-699.</summary>
    public void AddErrorCode(int code, scoped ReadOnlySpan<char> reasonPhrase)
    {
        if (code is < 300 or > 699)
        {
            throw new ArgumentOutOfRangeException(nameof(code), code, "A STUN error code is 300-699.");
        }

        int reasonLength = Encoding.UTF8.GetByteCount(reasonPhrase);
        Span<byte> target = Reserve(StunAttributeType.ErrorCode, 4 + reasonLength);
        if (_overflowed)
        {
            return;
        }

        target[0] = 0;
        target[1] = 0;
        target[2] = (byte)(code / 100);
        target[3] = (byte)(code % 100);
        Encoding.UTF8.GetBytes(reasonPhrase, target[4..]);
    }

    /// <summary>UNKNOWN-ATTRIBUTES (RFC 8489 section 14.9): the 16-bit types the server did not understand.</summary>
    public void AddUnknownAttributes(scoped ReadOnlySpan<ushort> types)
    {
        Span<byte> target = Reserve(StunAttributeType.UnknownAttributes, types.Length * 2);
        if (_overflowed)
        {
            return;
        }

        for (int i = 0; i < types.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(target.Slice(i * 2, 2), types[i]);
        }
    }

    /// <summary>XOR-MAPPED-ADDRESS (RFC 8489 section 14.2) of a received datagram's source; IPv4-mapped addresses are written as IPv4.</summary>
    public void AddXorMappedAddress(SocketAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!SocketAddresses.TryGetAddressBytes(address, bytes, out int length))
        {
            _overflowed = true; // not an IP address: the message cannot be completed
            return;
        }

        AddXorMappedAddress(bytes[..length], SocketAddresses.GetPort(address));
    }

    /// <summary>XOR-MAPPED-ADDRESS of an <see cref="IPEndPoint"/>.</summary>
    public void AddXorMappedAddress(IPEndPoint endPoint)
    {
        IPAddress ip = endPoint.Address.IsIPv4MappedToIPv6 ? endPoint.Address.MapToIPv4() : endPoint.Address;
        Span<byte> bytes = stackalloc byte[16];
        ip.TryWriteBytes(bytes, out int length);
        AddXorMappedAddress(bytes[..length], endPoint.Port);
    }

    /// <summary>
    /// MESSAGE-INTEGRITY (RFC 8489 section 14.5) under <paramref name="key"/> (for ICE, the UTF-8
    /// ice-pwd). Only FINGERPRINT may follow.
    /// </summary>
    public void AddMessageIntegrity(scoped ReadOnlySpan<byte> key)
    {
        int offset = _length;
        Span<byte> target = Reserve(StunAttributeType.MessageIntegrity, StunMessageIntegrity.Length);
        if (!_overflowed)
        {
            StunMessageIntegrity.Compute(_buffer, offset, key, target);
        }
    }

    /// <summary>FINGERPRINT (RFC 8489 section 14.7); always the last attribute.</summary>
    public void AddFingerprint()
    {
        int offset = _length;
        Span<byte> target = Reserve(StunAttributeType.Fingerprint, 4);
        if (!_overflowed)
        {
            BinaryPrimitives.WriteUInt32BigEndian(target, StunFingerprint.Compute(_buffer, offset));
        }
    }

    private void AddXorMappedAddress(scoped ReadOnlySpan<byte> address, int port)
    {
        Span<byte> target = Reserve(StunAttributeType.XorMappedAddress, StunXorAddress.ValueLength(address.Length));
        if (!_overflowed)
        {
            StunXorAddress.Write(target, address, port, _buffer);
        }
    }

    private void AddText(ushort type, scoped ReadOnlySpan<char> text)
    {
        Span<byte> target = Reserve(type, Encoding.UTF8.GetByteCount(text));
        if (!_overflowed)
        {
            Encoding.UTF8.GetBytes(text, target);
        }
    }

    private void AddUInt64(ushort type, ulong value)
    {
        Span<byte> target = Reserve(type, 8);
        if (!_overflowed)
        {
            BinaryPrimitives.WriteUInt64BigEndian(target, value);
        }
    }

    /// <summary>
    /// Writes the attribute header, zeroes the padding, updates the message length, and returns
    /// the value's bytes (empty on overflow, which also sets <see cref="Overflowed"/>).
    /// </summary>
    private Span<byte> Reserve(ushort type, int valueLength)
    {
        int padded = StunMessage.Padded(valueLength);
        if (_overflowed || valueLength > ushort.MaxValue || _length + 4 + padded > _buffer.Length
            || _length + 4 + padded - StunMessage.HeaderLength > ushort.MaxValue)
        {
            _overflowed = true;
            return default;
        }

        Span<byte> attribute = _buffer.Slice(_length, 4 + padded);
        BinaryPrimitives.WriteUInt16BigEndian(attribute, type);
        BinaryPrimitives.WriteUInt16BigEndian(attribute.Slice(2, 2), (ushort)valueLength);
        attribute[(4 + valueLength)..].Clear();
        _length += 4 + padded;
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.Slice(2, 2), (ushort)(_length - StunMessage.HeaderLength));
        return attribute.Slice(4, valueLength);
    }
}
