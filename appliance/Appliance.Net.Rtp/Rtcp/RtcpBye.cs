using System.Buffers.Binary;

namespace Appliance.Net.Rtcp;

/// <summary>
/// BYE: goodbye (RFC 3550 6.6):
/// <code>
/// |V=2|P|    SC   |   PT=BYE=203  |             length            |
/// |                           SSRC/CSRC                           |
/// :                              ...                              :
/// |     length    |               reason for leaving            ... (opt)
/// </code>
/// </summary>
public readonly ref struct RtcpBye
{
    private readonly ReadOnlySpan<byte> _body;

    private RtcpBye(ReadOnlySpan<byte> body, int sourceCount, ReadOnlySpan<byte> reason)
    {
        _body = body;
        SourceCount = sourceCount;
        Reason = reason;
    }

    /// <summary>Views <paramref name="packet"/> as BYE; false if another type, the SSRC list overruns, or the reason overruns.</summary>
    public static bool TryParse(RtcpPacket packet, out RtcpBye bye)
    {
        bye = default;
        ReadOnlySpan<byte> body = packet.Body;
        int sourcesLength = 4 * packet.Count;
        if (packet.PacketType != RtcpPacketType.Bye || body.Length < sourcesLength)
        {
            return false;
        }

        ReadOnlySpan<byte> reason = default;
        if (body.Length > sourcesLength)
        {
            int reasonLength = body[sourcesLength];
            if (sourcesLength + 1 + reasonLength > body.Length)
            {
                return false;
            }

            reason = body.Slice(sourcesLength + 1, reasonLength);
        }

        bye = new RtcpBye(body, packet.Count, reason);
        return true;
    }

    /// <summary>Number of SSRC/CSRC identifiers (SC).</summary>
    public int SourceCount { get; }

    /// <summary>The identifier at <paramref name="index"/>.</summary>
    public uint GetSsrc(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)SourceCount, nameof(index));
        return BinaryPrimitives.ReadUInt32BigEndian(_body.Slice(4 * index));
    }

    /// <summary>Reason for leaving (UTF-8), empty if absent.</summary>
    public ReadOnlySpan<byte> Reason { get; }

    /// <summary>Writes a BYE for up to 31 sources with an optional reason (≤ 255 bytes).</summary>
    public static bool TryWrite(Span<byte> destination, ReadOnlySpan<uint> ssrcs, ReadOnlySpan<byte> reason, out int written)
    {
        written = 0;
        int length = RtcpHeader.Length + (4 * ssrcs.Length);
        if (!reason.IsEmpty)
        {
            length = RtcpHeader.Align4(length + 1 + reason.Length);
        }

        if (ssrcs.Length > RtcpHeader.MaxCount || reason.Length > 255 || length > destination.Length)
        {
            return false;
        }

        RtcpHeader.Write(destination, ssrcs.Length, RtcpPacketType.Bye, length);
        int offset = RtcpHeader.Length;
        foreach (uint ssrc in ssrcs)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(offset), ssrc);
            offset += 4;
        }

        if (!reason.IsEmpty)
        {
            destination[offset] = (byte)reason.Length;
            reason.CopyTo(destination.Slice(offset + 1));
            destination[(offset + 1 + reason.Length)..length].Clear();
        }

        written = length;
        return true;
    }
}
