namespace Appliance.Net.Rtcp;

/// <summary>Walks the chunks of a validated SDES body.</summary>
public ref struct RtcpSdesChunkEnumerator
{
    private readonly ReadOnlySpan<byte> _body;
    private int _offset;
    private RtcpSdesChunk _current;

    internal RtcpSdesChunkEnumerator(ReadOnlySpan<byte> body)
    {
        _body = body;
        _offset = 0;
        _current = default;
    }

    /// <summary>The current chunk.</summary>
    public readonly RtcpSdesChunk Current => _current;

    /// <summary>Returns this enumerator, for foreach.</summary>
    public readonly RtcpSdesChunkEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next chunk.</summary>
    public bool MoveNext()
    {
        if (_offset >= _body.Length || !RtcpSourceDescription.TryMeasureChunk(_body[_offset..], out int length))
        {
            _offset = _body.Length;
            return false;
        }

        _current = new RtcpSdesChunk(_body.Slice(_offset, length));
        _offset += length;
        return true;
    }
}
