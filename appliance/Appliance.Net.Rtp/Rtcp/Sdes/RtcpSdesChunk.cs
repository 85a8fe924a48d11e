using System.Buffers.Binary;

namespace Appliance.Net.Rtcp;

/// <summary>One SDES chunk: an SSRC/CSRC and its items.</summary>
public readonly ref struct RtcpSdesChunk
{
    private readonly ReadOnlySpan<byte> _chunk;

    internal RtcpSdesChunk(ReadOnlySpan<byte> chunk) => _chunk = chunk;

    /// <summary>The SSRC or CSRC described.</summary>
    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_chunk);

    /// <summary>The items of the chunk.</summary>
    public RtcpSdesItemEnumerator Items => new(_chunk[4..]);
}
