using System.Buffers.Binary;

namespace Appliance.Net.Rtcp;

/// <summary>
/// SDES: source description (RFC 3550 6.5):
/// <code>
/// |V=2|P|    SC   |  PT=SDES=202  |             length            | header
/// |                          SSRC/CSRC_1                          | chunk 1
/// |                           SDES items                          |
/// |                          SSRC/CSRC_2                          | chunk 2
/// |                           SDES items                          |
/// </code>
/// Item: <c>| type | length | text (length octets) |</c>. "The list of items in each chunk MUST be terminated
/// by one or more null octets ... additional null octets MUST be included if needed to pad until the next
/// 32-bit boundary."
/// </summary>
public readonly ref struct RtcpSourceDescription
{
    private readonly ReadOnlySpan<byte> _body;

    private RtcpSourceDescription(ReadOnlySpan<byte> body, int chunkCount)
    {
        _body = body;
        ChunkCount = chunkCount;
    }

    /// <summary>Number of chunks (SC).</summary>
    public int ChunkCount { get; }

    /// <summary>Views <paramref name="packet"/> as SDES; false if another type or any chunk is malformed.</summary>
    public static bool TryParse(RtcpPacket packet, out RtcpSourceDescription description)
    {
        description = default;
        if (packet.PacketType != RtcpPacketType.SourceDescription)
        {
            return false;
        }

        ReadOnlySpan<byte> body = packet.Body;
        int offset = 0;
        for (int chunk = 0; chunk < packet.Count; chunk++)
        {
            if (!TryMeasureChunk(body[offset..], out int chunkLength))
            {
                return false;
            }

            offset += chunkLength;
        }

        description = new RtcpSourceDescription(body[..offset], packet.Count);
        return true;
    }

    /// <summary>The chunks, in order.</summary>
    public RtcpSdesChunkEnumerator Chunks => new(_body);

    /// <summary>The first CNAME of the packet and the SSRC of its chunk; false if there is none.</summary>
    public bool TryGetCname(out uint ssrc, out ReadOnlySpan<byte> cname)
    {
        foreach (RtcpSdesChunk chunk in Chunks)
        {
            foreach (RtcpSdesItem item in chunk.Items)
            {
                if (item.Type == RtcpSdesItemType.Cname)
                {
                    ssrc = chunk.Ssrc;
                    cname = item.Text;
                    return true;
                }
            }
        }

        ssrc = 0;
        cname = default;
        return false;
    }

    /// <summary>Measures one chunk (SSRC, items, null terminator, alignment); false if it overruns.</summary>
    internal static bool TryMeasureChunk(ReadOnlySpan<byte> data, out int length)
    {
        length = 0;
        int offset = 4;
        while (true)
        {
            if (offset >= data.Length)
            {
                return false;
            }

            if (data[offset] == (byte)RtcpSdesItemType.End)
            {
                offset = RtcpHeader.Align4(offset + 1);
                if (offset > data.Length)
                {
                    return false;
                }

                length = offset;
                return true;
            }

            if (offset + 2 > data.Length)
            {
                return false;
            }

            offset += 2 + data[offset + 1];
        }
    }
}
