using System.Buffers.Binary;
using System.Text;

namespace Appliance.Net.Rtcp;

/// <summary>
/// Writes an SDES packet (RFC 3550 6.5) chunk by chunk into a caller's buffer:
/// <see cref="TryAddChunk"/>, <see cref="TryAddItem"/>..., then <see cref="TryComplete"/>.
/// </summary>
public ref struct RtcpSourceDescriptionWriter
{
    private readonly Span<byte> _destination;
    private int _length;
    private int _chunkCount;
    private bool _chunkOpen;
    private bool _failed;

    /// <summary>Creates a writer over <paramref name="destination"/>.</summary>
    public RtcpSourceDescriptionWriter(Span<byte> destination)
    {
        _destination = destination;
        _length = RtcpHeader.Length;
        _chunkCount = 0;
        _chunkOpen = false;
        _failed = destination.Length < RtcpHeader.Length;
    }

    /// <summary>Starts a chunk for <paramref name="ssrc"/> (at most 31 chunks).</summary>
    public bool TryAddChunk(uint ssrc)
    {
        if (_failed || !TryCloseChunk() || _chunkCount == RtcpHeader.MaxCount || _length + 4 > _destination.Length)
        {
            return Fail();
        }

        BinaryPrimitives.WriteUInt32BigEndian(_destination.Slice(_length), ssrc);
        _length += 4;
        _chunkCount++;
        _chunkOpen = true;
        return true;
    }

    /// <summary>Adds an item (text of at most 255 bytes) to the open chunk.</summary>
    public bool TryAddItem(RtcpSdesItemType type, scoped ReadOnlySpan<byte> text)
    {
        if (_failed || !_chunkOpen || type == RtcpSdesItemType.End || text.Length > 255 || _length + 2 + text.Length > _destination.Length)
        {
            return Fail();
        }

        _destination[_length] = (byte)type;
        _destination[_length + 1] = (byte)text.Length;
        text.CopyTo(_destination.Slice(_length + 2));
        _length += 2 + text.Length;
        return true;
    }

    /// <summary>Adds an item whose text is encoded as UTF-8 without allocating.</summary>
    public bool TryAddItem(RtcpSdesItemType type, ReadOnlySpan<char> text)
    {
        Span<byte> utf8 = stackalloc byte[255];
        return Encoding.UTF8.TryGetBytes(text, utf8, out int count) ? TryAddItem(type, utf8[..count]) : Fail();
    }

    /// <summary>Closes the last chunk, writes the header, and returns the packet length.</summary>
    public bool TryComplete(out int written)
    {
        written = 0;
        if (_failed || _chunkCount == 0 || !TryCloseChunk())
        {
            return Fail();
        }

        RtcpHeader.Write(_destination, _chunkCount, RtcpPacketType.SourceDescription, _length);
        written = _length;
        return true;
    }

    /// <summary>Writes an SDES packet with one chunk holding one CNAME item, the common case.</summary>
    public static bool TryWriteCname(Span<byte> destination, uint ssrc, ReadOnlySpan<char> cname, out int written)
    {
        var writer = new RtcpSourceDescriptionWriter(destination);
        written = 0;
        return writer.TryAddChunk(ssrc) && writer.TryAddItem(RtcpSdesItemType.Cname, cname) && writer.TryComplete(out written);
    }

    private bool TryCloseChunk()
    {
        if (!_chunkOpen)
        {
            return true;
        }

        // The END item plus null octets up to the next 32-bit boundary.
        int end = RtcpHeader.Align4(_length + 1);
        if (end > _destination.Length)
        {
            return false;
        }

        _destination[_length..end].Clear();
        _length = end;
        _chunkOpen = false;
        return true;
    }

    private bool Fail()
    {
        _failed = true;
        return false;
    }
}
