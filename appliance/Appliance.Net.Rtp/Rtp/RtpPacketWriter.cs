using System.Buffers.Binary;

namespace Appliance.Net.Rtp;

/// <summary>
/// Writes one RTP packet (RFC 3550 5.1) with optional RFC 8285 header extensions straight into a caller's
/// buffer. Use in order: <see cref="TryWriteHeader"/>, any number of <see cref="TryAddExtension"/>, then
/// either <see cref="TryWritePayload"/> or <see cref="PayloadSpan"/> + <see cref="TryComplete"/>.
/// Every step returns false instead of throwing when the buffer is too small or an argument cannot be encoded.
/// </summary>
public ref struct RtpPacketWriter
{
    private readonly Span<byte> _destination;
    private readonly bool _twoByteExtensions;
    private int _extensionOffset;   // offset of the 4-byte extension header, or -1
    private int _length;            // bytes written so far
    private bool _headerWritten;
    private bool _completed;

    /// <summary>Creates a writer. With <paramref name="twoByteExtensions"/> the RFC 8285 4.3 form is used, else 4.2.</summary>
    public RtpPacketWriter(Span<byte> destination, bool twoByteExtensions = false)
    {
        _destination = destination;
        _twoByteExtensions = twoByteExtensions;
        _extensionOffset = -1;
        _length = 0;
        _headerWritten = false;
        _completed = false;
    }

    /// <summary>Bytes written so far; the packet length once completed.</summary>
    public readonly int Length => _length;

    /// <summary>The packet written so far.</summary>
    public readonly Span<byte> WrittenSpan => _destination[.._length];

    /// <summary>Writes the fixed header and the CSRC list (at most 15).</summary>
    public bool TryWriteHeader(bool marker, byte payloadType, ushort sequenceNumber, uint timestamp, uint ssrc, scoped ReadOnlySpan<uint> csrcs = default)
    {
        int headerLength = RtpPacket.FixedHeaderLength + (4 * csrcs.Length);
        if (_headerWritten || csrcs.Length > 15 || payloadType > 127 || headerLength > _destination.Length)
        {
            return false;
        }

        _destination[0] = (byte)((RtpPacket.RtpVersion << 6) | csrcs.Length);
        _destination[1] = (byte)((marker ? 0x80 : 0) | payloadType);
        BinaryPrimitives.WriteUInt16BigEndian(_destination.Slice(2), sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(_destination.Slice(4), timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(_destination.Slice(8), ssrc);
        for (int i = 0; i < csrcs.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(_destination.Slice(RtpPacket.FixedHeaderLength + (4 * i)), csrcs[i]);
        }

        _length = headerLength;
        _headerWritten = true;
        return true;
    }

    /// <summary>
    /// Appends one header extension element. One-byte form: id 1-14, 1-16 bytes. Two-byte form: id 1-255, 0-255 bytes.
    /// The extension block is kept complete after every element (length field set, padded with zero octets to a
    /// 32-bit boundary, RFC 8285 4.2), so <see cref="PayloadSpan"/> is valid at once.
    /// </summary>
    public bool TryAddExtension(int id, scoped ReadOnlySpan<byte> data)
    {
        if (!_headerWritten || _completed || !CanEncode(id, data.Length))
        {
            return false;
        }

        int extensionOffset = _extensionOffset < 0 ? _length : _extensionOffset;
        int start = _extensionOffset < 0 ? _length + 4 : _length;
        int elementHeader = _twoByteExtensions ? 2 : 1;
        int end = start + elementHeader + data.Length;
        int paddedEnd = extensionOffset + RoundUp4(end - extensionOffset);
        if (paddedEnd > _destination.Length)
        {
            return false;
        }

        if (_extensionOffset < 0)
        {
            _extensionOffset = extensionOffset;
            ushort profile = _twoByteExtensions ? RtpHeaderExtensionProfile.TwoByte : RtpHeaderExtensionProfile.OneByte;
            BinaryPrimitives.WriteUInt16BigEndian(_destination.Slice(extensionOffset), profile);
            _destination[0] |= 0x10;
        }

        if (_twoByteExtensions)
        {
            _destination[start] = (byte)id;
            _destination[start + 1] = (byte)data.Length;
        }
        else
        {
            _destination[start] = (byte)((id << 4) | (data.Length - 1));
        }

        data.CopyTo(_destination.Slice(start + elementHeader));
        _destination[end..paddedEnd].Clear();
        int words = (paddedEnd - extensionOffset - 4) / 4;
        BinaryPrimitives.WriteUInt16BigEndian(_destination.Slice(extensionOffset + 2), (ushort)words);
        _length = end;
        return true;
    }

    /// <summary>Where the payload goes; valid after the header and extensions, before completion.</summary>
    public readonly Span<byte> PayloadSpan
    {
        get
        {
            int start = PayloadOffset;
            return start > _destination.Length || _completed ? Span<byte>.Empty : _destination[start..];
        }
    }

    /// <summary>Copies <paramref name="payload"/> in and completes the packet.</summary>
    public bool TryWritePayload(scoped ReadOnlySpan<byte> payload, int paddingLength = 0)
    {
        Span<byte> target = PayloadSpan;
        if (!_headerWritten || payload.Length > target.Length)
        {
            return false;
        }

        payload.CopyTo(target);
        return TryComplete(payload.Length, paddingLength);
    }

    /// <summary>
    /// Completes the packet after the caller wrote <paramref name="payloadLength"/> bytes into
    /// <see cref="PayloadSpan"/>, appending <paramref name="paddingLength"/> (0-255) padding octets (RFC 3550 5.1).
    /// </summary>
    public bool TryComplete(int payloadLength, int paddingLength = 0)
    {
        int payloadOffset = PayloadOffset;
        if (!_headerWritten || _completed || payloadLength < 0 || paddingLength is < 0 or > 255
            || payloadOffset + payloadLength + paddingLength > _destination.Length)
        {
            return false;
        }

        _length = payloadOffset + payloadLength;
        if (paddingLength > 0)
        {
            _destination.Slice(_length, paddingLength - 1).Clear();
            _destination[_length + paddingLength - 1] = (byte)paddingLength;
            _destination[0] |= 0x20;
            _length += paddingLength;
        }

        _completed = true;
        return true;
    }

    /// <summary>Offset of <see cref="PayloadSpan"/>: after the header and the padded extension block.</summary>
    public readonly int PayloadOffset => _extensionOffset < 0 ? _length : _extensionOffset + RoundUp4(_length - _extensionOffset);

    private static int RoundUp4(int length) => (length + 3) & ~3;

    private readonly bool CanEncode(int id, int length) => _twoByteExtensions
        ? id is >= 1 and <= 255 && length <= RtpHeaderExtensionProfile.TwoByteMaxLength
        : id is >= 1 and <= RtpHeaderExtensionProfile.OneByteMaxId && length is >= 1 and <= RtpHeaderExtensionProfile.OneByteMaxLength;
}
