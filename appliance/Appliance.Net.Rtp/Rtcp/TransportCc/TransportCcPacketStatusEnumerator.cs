using System.Buffers.Binary;

namespace Appliance.Net.Rtcp;

/// <summary>
/// Walks the packet statuses of validated transport-cc feedback, reading the chunks and the receive
/// deltas side by side, without allocating.
/// </summary>
public ref struct TransportCcPacketStatusEnumerator
{
    private readonly ReadOnlySpan<byte> _chunks;
    private readonly ReadOnlySpan<byte> _deltas;
    private int _chunkOffset;
    private ushort _chunk;
    private int _chunkSymbols;
    private int _indexInChunk;
    private int _deltaOffset;
    private int _remaining;
    private ushort _sequenceNumber;
    private long _arrivalTicks;
    private TransportCcPacketStatus _current;

    internal TransportCcPacketStatusEnumerator(ReadOnlySpan<byte> chunks, ReadOnlySpan<byte> deltas, ushort baseSequenceNumber, int statusCount, long referenceTicks)
    {
        _chunks = chunks;
        _deltas = deltas;
        _chunkOffset = 0;
        _chunk = 0;
        _chunkSymbols = 0;
        _indexInChunk = 0;
        _deltaOffset = 0;
        _remaining = statusCount;
        _sequenceNumber = baseSequenceNumber;
        _arrivalTicks = referenceTicks;
        _current = default;
    }

    /// <summary>The current packet status.</summary>
    public readonly TransportCcPacketStatus Current => _current;

    /// <summary>Returns this enumerator, for foreach.</summary>
    public readonly TransportCcPacketStatusEnumerator GetEnumerator() => this;

    /// <summary>Moves to the next sequence number.</summary>
    public bool MoveNext()
    {
        if (_remaining == 0)
        {
            return false;
        }

        while (_indexInChunk >= _chunkSymbols)
        {
            if (_chunkOffset + 2 > _chunks.Length)
            {
                _remaining = 0;
                return false;
            }

            _chunk = BinaryPrimitives.ReadUInt16BigEndian(_chunks.Slice(_chunkOffset));
            _chunkOffset += 2;
            _chunkSymbols = TransportCcChunk.SymbolCount(_chunk);
            _indexInChunk = 0;
        }

        int symbol = TransportCcChunk.GetSymbol(_chunk, _indexInChunk++);
        int size = TransportCcChunk.DeltaSize(symbol);
        if (size < 0 || _deltaOffset + size > _deltas.Length)
        {
            _remaining = 0;
            return false;
        }

        int delta = size switch
        {
            1 => _deltas[_deltaOffset],
            2 => BinaryPrimitives.ReadInt16BigEndian(_deltas.Slice(_deltaOffset)),
            _ => 0,
        };
        _deltaOffset += size;
        _arrivalTicks += delta;
        _current = new TransportCcPacketStatus(_sequenceNumber, (TransportCcSymbol)symbol, delta, size == 0 ? 0 : _arrivalTicks);
        _sequenceNumber++;
        _remaining--;
        return true;
    }
}
