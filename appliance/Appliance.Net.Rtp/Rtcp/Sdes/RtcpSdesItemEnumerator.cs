namespace Appliance.Net.Rtcp;

/// <summary>Walks the items of one SDES chunk up to its END item.</summary>
public ref struct RtcpSdesItemEnumerator
{
    private readonly ReadOnlySpan<byte> _items;
    private int _offset;
    private RtcpSdesItem _current;

    internal RtcpSdesItemEnumerator(ReadOnlySpan<byte> items)
    {
        _items = items;
        _offset = 0;
        _current = default;
    }

    /// <summary>The current item.</summary>
    public readonly RtcpSdesItem Current => _current;

    /// <summary>Returns this enumerator, for foreach.</summary>
    public readonly RtcpSdesItemEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next item.</summary>
    public bool MoveNext()
    {
        if (_offset + 2 > _items.Length || _items[_offset] == (byte)RtcpSdesItemType.End)
        {
            _offset = _items.Length;
            return false;
        }

        int length = _items[_offset + 1];
        if (_offset + 2 + length > _items.Length)
        {
            _offset = _items.Length;
            return false;
        }

        _current = new RtcpSdesItem((RtcpSdesItemType)_items[_offset], _items.Slice(_offset + 2, length));
        _offset += 2 + length;
        return true;
    }
}
