namespace Appliance.Net.Rtcp;

/// <summary>
/// Walks the RTCP packets of a datagram without allocating. Stops at the end or at the first packet
/// whose header is malformed, so it is safe on unvalidated input too.
/// </summary>
public ref struct RtcpPacketEnumerator
{
    private readonly ReadOnlySpan<byte> _data;
    private int _offset;
    private RtcpPacket _current;

    /// <summary>Creates an enumerator over <paramref name="data"/>.</summary>
    public RtcpPacketEnumerator(ReadOnlySpan<byte> data)
    {
        _data = data;
        _offset = 0;
        _current = default;
    }

    /// <summary>The packet the enumerator is on.</summary>
    public readonly RtcpPacket Current => _current;

    /// <summary>Returns this enumerator, for foreach.</summary>
    public readonly RtcpPacketEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next packet.</summary>
    public bool MoveNext()
    {
        if (_offset >= _data.Length || !RtcpPacket.TryRead(_data[_offset..], out _current))
        {
            _offset = _data.Length;
            return false;
        }

        _offset += _current.Length;
        return true;
    }
}
