using System.Buffers.Binary;

namespace Appliance.Net.Rtp;

/// <summary>
/// A zero-copy view over one RTP packet held in a caller-owned buffer (RFC 3550 section 5.1).
/// Reads decode the header on demand; the setters rewrite the fields an MCU changes in place.
/// </summary>
/// <remarks>
/// RFC 3550 5.1:
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |V=2|P|X|  CC   |M|     PT      |       sequence number         |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                           timestamp                           |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |           synchronization source (SSRC) identifier            |
/// +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
/// |            contributing source (CSRC) identifiers             |
/// |                             ....                              |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// </remarks>
public readonly ref struct RtpPacket
{
    /// <summary>Length of the fixed header, before any CSRC.</summary>
    public const int FixedHeaderLength = 12;

    /// <summary>The only RTP version defined (RFC 3550 5.1: "version (V): 2 bits ... The version defined by this specification is two (2)").</summary>
    public const int RtpVersion = 2;

    private readonly Span<byte> _buffer;
    private readonly int _extensionOffset;   // offset of the 4-byte extension header, or -1
    private readonly int _headerLength;      // fixed header + CSRCs + extension
    private readonly int _paddingLength;

    private RtpPacket(Span<byte> buffer, int extensionOffset, int headerLength, int paddingLength)
    {
        _buffer = buffer;
        _extensionOffset = extensionOffset;
        _headerLength = headerLength;
        _paddingLength = paddingLength;
    }

    /// <summary>
    /// Validates <paramref name="buffer"/> as one whole RTP packet. Returns false, never throws, for a
    /// malformed packet: too short, version other than 2, CSRC list or header extension running past the
    /// end, or a padding count of zero or larger than what follows the header.
    /// </summary>
    public static bool TryParse(Span<byte> buffer, out RtpPacket packet)
    {
        packet = default;
        if (buffer.Length < FixedHeaderLength || buffer[0] >> 6 != RtpVersion)
        {
            return false;
        }

        int csrcCount = buffer[0] & 0x0F;
        int headerLength = FixedHeaderLength + (4 * csrcCount);
        if (headerLength > buffer.Length)
        {
            return false;
        }

        int extensionOffset = -1;
        if ((buffer[0] & 0x10) != 0)
        {
            // RFC 3550 5.3.1: "the header extension contains a 16-bit length field that counts the number
            // of 32-bit words in the extension, excluding the four-octet extension header".
            if (headerLength + 4 > buffer.Length)
            {
                return false;
            }

            extensionOffset = headerLength;
            int words = BinaryPrimitives.ReadUInt16BigEndian(buffer.Slice(headerLength + 2));
            headerLength += 4 + (4 * words);
            if (headerLength > buffer.Length)
            {
                return false;
            }
        }

        int paddingLength = 0;
        if ((buffer[0] & 0x20) != 0)
        {
            // RFC 3550 5.1: "The last octet of the padding contains a count of how many padding octets
            // should be ignored, including itself."
            paddingLength = buffer[^1];
            if (paddingLength == 0 || headerLength + paddingLength > buffer.Length)
            {
                return false;
            }
        }

        packet = new RtpPacket(buffer, extensionOffset, headerLength, paddingLength);
        return true;
    }

    /// <summary>The whole packet, header to last padding octet.</summary>
    public Span<byte> Buffer => _buffer;

    /// <summary>Total length in bytes.</summary>
    public int Length => _buffer.Length;

    /// <summary>Length of fixed header, CSRC list and header extension.</summary>
    public int HeaderLength => _headerLength;

    /// <summary>The padding bit (P).</summary>
    public bool HasPadding => (_buffer[0] & 0x20) != 0;

    /// <summary>Number of padding octets at the end, including the count octet; 0 without padding.</summary>
    public int PaddingLength => _paddingLength;

    /// <summary>The extension bit (X).</summary>
    public bool HasExtension => _extensionOffset >= 0;

    /// <summary>CSRC count (CC).</summary>
    public int CsrcCount => _buffer[0] & 0x0F;

    /// <summary>The marker bit (M). For video, the last packet of a frame.</summary>
    public bool Marker
    {
        get => (_buffer[1] & 0x80) != 0;
        set => _buffer[1] = (byte)(value ? _buffer[1] | 0x80 : _buffer[1] & 0x7F);
    }

    /// <summary>Payload type (PT), 7 bits.</summary>
    public byte PayloadType
    {
        get => (byte)(_buffer[1] & 0x7F);
        set => _buffer[1] = (byte)((_buffer[1] & 0x80) | (value & 0x7F));
    }

    /// <summary>Sequence number.</summary>
    public ushort SequenceNumber
    {
        get => BinaryPrimitives.ReadUInt16BigEndian(_buffer.Slice(2));
        set => BinaryPrimitives.WriteUInt16BigEndian(_buffer.Slice(2), value);
    }

    /// <summary>RTP timestamp.</summary>
    public uint Timestamp
    {
        get => BinaryPrimitives.ReadUInt32BigEndian(_buffer.Slice(4));
        set => BinaryPrimitives.WriteUInt32BigEndian(_buffer.Slice(4), value);
    }

    /// <summary>Synchronization source identifier.</summary>
    public uint Ssrc
    {
        get => BinaryPrimitives.ReadUInt32BigEndian(_buffer.Slice(8));
        set => BinaryPrimitives.WriteUInt32BigEndian(_buffer.Slice(8), value);
    }

    /// <summary>The CSRC at <paramref name="index"/> (0 ≤ index &lt; <see cref="CsrcCount"/>).</summary>
    public uint GetCsrc(int index)
    {
        if ((uint)index >= (uint)CsrcCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return BinaryPrimitives.ReadUInt32BigEndian(_buffer.Slice(FixedHeaderLength + (4 * index)));
    }

    /// <summary>The 16-bit "defined by profile" field of the header extension; 0 without extension.</summary>
    public ushort ExtensionProfile =>
        HasExtension ? BinaryPrimitives.ReadUInt16BigEndian(_buffer.Slice(_extensionOffset)) : (ushort)0;

    /// <summary>The header extension data after its 4-byte header; empty without extension.</summary>
    public Span<byte> ExtensionData =>
        HasExtension ? _buffer[(_extensionOffset + 4).._headerLength] : Span<byte>.Empty;

    /// <summary>The RFC 8285 elements of the header extension (empty if the profile is not 0xBEDE or 0x100x).</summary>
    public RtpHeaderExtensionEnumerator HeaderExtensions => new(ExtensionProfile, ExtensionData);

    /// <summary>Finds the RFC 8285 element with local identifier <paramref name="id"/>.</summary>
    public bool TryGetHeaderExtension(int id, out ReadOnlySpan<byte> data)
    {
        foreach (RtpHeaderExtension element in HeaderExtensions)
        {
            if (element.Id == id)
            {
                data = element.Data;
                return true;
            }
        }

        data = default;
        return false;
    }

    /// <summary>
    /// Finds the element with local identifier <paramref name="id"/> and returns its data writable, for
    /// rewriting in place (a new transport-wide sequence number on a retransmission, a new abs-send-time).
    /// </summary>
    public bool TryGetHeaderExtensionForWrite(int id, out Span<byte> data)
    {
        foreach (RtpHeaderExtension element in HeaderExtensions)
        {
            if (element.Id == id)
            {
                data = ExtensionData.Slice(element.Offset, element.Data.Length);
                return true;
            }
        }

        data = default;
        return false;
    }

    /// <summary>The payload, without header and padding.</summary>
    public Span<byte> Payload => _buffer[_headerLength..(_buffer.Length - _paddingLength)];
}
