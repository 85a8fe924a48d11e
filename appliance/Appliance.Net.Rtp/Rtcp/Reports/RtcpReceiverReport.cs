using System.Buffers.Binary;

namespace Appliance.Net.Rtcp;

/// <summary>
/// RR: receiver report (RFC 3550 6.4.2): "the same as that of the SR packet except that the packet type
/// field contains the constant 201 and the five words of sender information are omitted".
/// <code>
/// |V=2|P|    RC   |   PT=RR=201   |             length            |
/// |                     SSRC of packet sender                     |
/// |                 report block 1 ... RC                         |
/// |                  profile-specific extensions                  |
/// </code>
/// </summary>
public readonly ref struct RtcpReceiverReport
{
    private readonly ReadOnlySpan<byte> _body;

    private RtcpReceiverReport(ReadOnlySpan<byte> body, int reportCount)
    {
        _body = body;
        ReportCount = reportCount;
    }

    /// <summary>Views <paramref name="packet"/> as an RR; false if it is another type or too short for its RC.</summary>
    public static bool TryParse(RtcpPacket packet, out RtcpReceiverReport report)
    {
        report = default;
        ReadOnlySpan<byte> body = packet.Body;
        if (packet.PacketType != RtcpPacketType.ReceiverReport || body.Length < 4 + (packet.Count * RtcpReportBlock.Length))
        {
            return false;
        }

        report = new RtcpReceiverReport(body, packet.Count);
        return true;
    }

    /// <summary>SSRC of the packet sender.</summary>
    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_body);

    /// <summary>Number of report blocks (RC).</summary>
    public int ReportCount { get; }

    /// <summary>The report block at <paramref name="index"/> (0 ≤ index &lt; <see cref="ReportCount"/>).</summary>
    public RtcpReportBlock GetReportBlock(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)ReportCount, nameof(index));
        return RtcpReportBlock.Read(_body.Slice(4 + (index * RtcpReportBlock.Length)));
    }

    /// <summary>Profile-specific extension bytes after the report blocks.</summary>
    public ReadOnlySpan<byte> ProfileExtensions => _body[(4 + (ReportCount * RtcpReportBlock.Length))..];

    /// <summary>Bytes an RR with <paramref name="reportCount"/> blocks takes.</summary>
    public static int GetLength(int reportCount) => RtcpHeader.Length + 4 + (reportCount * RtcpReportBlock.Length);

    /// <summary>Writes an RR with up to 31 report blocks (none is valid: "an empty RR packet (RC = 0)"); false if it does not fit.</summary>
    public static bool TryWrite(Span<byte> destination, uint ssrc, ReadOnlySpan<RtcpReportBlock> reportBlocks, out int written)
    {
        written = 0;
        int length = GetLength(reportBlocks.Length);
        if (reportBlocks.Length > RtcpHeader.MaxCount || length > destination.Length)
        {
            return false;
        }

        RtcpHeader.Write(destination, reportBlocks.Length, RtcpPacketType.ReceiverReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), ssrc);
        for (int i = 0; i < reportBlocks.Length; i++)
        {
            reportBlocks[i].Write(destination.Slice(8 + (i * RtcpReportBlock.Length)));
        }

        written = length;
        return true;
    }
}
