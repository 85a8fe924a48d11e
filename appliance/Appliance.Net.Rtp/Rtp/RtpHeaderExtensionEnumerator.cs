namespace Appliance.Net.Rtp;

/// <summary>
/// Walks the elements of an RFC 8285 header extension block without allocating. Padding octets are
/// skipped; an element that runs past the block, or the one-byte form's reserved identifier 15, ends
/// the walk (RFC 8285 4.2: "the local identifier value 15 is reserved ... the receiver MUST terminate
/// parsing"). Unknown profiles yield no elements.
/// </summary>
public ref struct RtpHeaderExtensionEnumerator
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly bool _oneByte;
    private readonly bool _twoByte;
    private int _offset;
    private RtpHeaderExtension _current;

    /// <summary>Creates an enumerator over the data after the 4-byte extension header.</summary>
    public RtpHeaderExtensionEnumerator(ushort profile, ReadOnlySpan<byte> data)
    {
        _data = data;
        _oneByte = RtpHeaderExtensionProfile.IsOneByte(profile);
        _twoByte = RtpHeaderExtensionProfile.IsTwoByte(profile);
        _offset = 0;
        _current = default;
    }

    /// <summary>The element the enumerator is on.</summary>
    public readonly RtpHeaderExtension Current => _current;

    /// <summary>Returns this enumerator, for foreach.</summary>
    public readonly RtpHeaderExtensionEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next element; false at the end or at a malformed element.</summary>
    public bool MoveNext()
    {
        if (_oneByte)
        {
            return MoveNextOneByte();
        }

        return _twoByte && MoveNextTwoByte();
    }

    private bool MoveNextOneByte()
    {
        // RFC 8285 4.2:
        //  0 1 2 3 4 5 6 7
        // +-+-+-+-+-+-+-+-+
        // |  ID   |  len  |   data is len+1 bytes
        // +-+-+-+-+-+-+-+-+
        while (_offset < _data.Length)
        {
            byte header = _data[_offset];
            int id = header >> 4;
            if (id == 0)
            {
                // "the local identifier value 0 is reserved for padding" - one octet, skipped.
                _offset++;
                continue;
            }

            if (id == 15)
            {
                _offset = _data.Length;
                return false;
            }

            int length = (header & 0x0F) + 1;
            int start = _offset + 1;
            if (start + length > _data.Length)
            {
                _offset = _data.Length;
                return false;
            }

            _current = new RtpHeaderExtension(id, _data.Slice(start, length), start);
            _offset = start + length;
            return true;
        }

        return false;
    }

    private bool MoveNextTwoByte()
    {
        // RFC 8285 4.3:
        //  0                   1
        // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
        // |       ID      |     length    |   data is length bytes (may be 0)
        // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
        while (_offset < _data.Length)
        {
            int id = _data[_offset];
            if (id == 0)
            {
                _offset++;
                continue;
            }

            if (_offset + 2 > _data.Length)
            {
                _offset = _data.Length;
                return false;
            }

            int length = _data[_offset + 1];
            int start = _offset + 2;
            if (start + length > _data.Length)
            {
                _offset = _data.Length;
                return false;
            }

            _current = new RtpHeaderExtension(id, _data.Slice(start, length), start);
            _offset = start + length;
            return true;
        }

        return false;
    }
}
