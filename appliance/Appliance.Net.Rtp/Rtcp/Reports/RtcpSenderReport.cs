using System.Buffers.Binary;

namespace Appliance.Net.Rtcp;

/// <summary>
/// SR: sender report (RFC 3550 6.4.1):
/// <code>
/// |V=2|P|    RC   |   PT=SR=200   |             length            | header
/// |                         SSRC of sender                        |
/// |              NTP timestamp, most significant word             | sender
/// |             NTP timestamp, least significant word             | info
/// |                         RTP timestamp                         |
/// |                     sender's packet count                     |
/// |                      sender's octet count                     |
/// |                 report block 1 ... RC                         | report blocks
/// |                  profile-specific extensions                  |
/// </code>
/// </summary>
public readonly ref struct RtcpSenderReport
{
    private const int SenderInfoLength = 24; // SSRC + 20 bytes of sender info

    private readonly ReadOnlySpan<byte> _body;

    private RtcpSenderReport(ReadOnlySpan<byte> body, int reportCount)
    {
        _body = body;
        ReportCount = reportCount;
    }

    /// <summary>Views <paramref name="packet"/> as an SR; false if it is another type or too short for its RC.</summary>
    public static bool TryParse(RtcpPacket packet, out RtcpSenderReport report)
    {
        report = default;
        ReadOnlySpan<byte> body = packet.Body;
        if (packet.PacketType != RtcpPacketType.SenderReport
            || body.Length < SenderInfoLength + (packet.Count * RtcpReportBlock.Length))
        {
            return false;
        }

        report = new RtcpSenderReport(body, packet.Count);
        return true;
    }

    /// <summary>SSRC of the sender.</summary>
    public uint Ssrc => BinaryPrimitives.ReadUInt32BigEndian(_body);

    /// <summary>Wallclock time when this report was sent.</summary>
    public NtpTimestamp NtpTimestamp => new(BinaryPrimitives.ReadUInt64BigEndian(_body.Slice(4)));

    /// <summary>The same instant in the sender's RTP timestamp units.</summary>
    public uint RtpTimestamp => BinaryPrimitives.ReadUInt32BigEndian(_body.Slice(12));

    /// <summary>RTP data packets sent since starting transmission.</summary>
    public uint PacketCount => BinaryPrimitives.ReadUInt32BigEndian(_body.Slice(16));

    /// <summary>Payload octets sent since starting transmission.</summary>
    public uint OctetCount => BinaryPrimitives.ReadUInt32BigEndian(_body.Slice(20));

    /// <summary>Number of report blocks (RC).</summary>
    public int ReportCount { get; }

    /// <summary>The report block at <paramref name="index"/> (0 ≤ index &lt; <see cref="ReportCount"/>).</summary>
    public RtcpReportBlock GetReportBlock(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)ReportCount, nameof(index));
        return RtcpReportBlock.Read(_body.Slice(SenderInfoLength + (index * RtcpReportBlock.Length)));
    }

    /// <summary>Profile-specific extension bytes after the report blocks.</summary>
    public ReadOnlySpan<byte> ProfileExtensions => _body[(SenderInfoLength + (ReportCount * RtcpReportBlock.Length))..];

    /// <summary>Bytes an SR with <paramref name="reportCount"/> blocks takes.</summary>
    public static int GetLength(int reportCount) => RtcpHeader.Length + SenderInfoLength + (reportCount * RtcpReportBlock.Length);

    /// <summary>Writes an SR with up to 31 report blocks; false if it does not fit.</summary>
    public static bool TryWrite(
        Span<byte> destination, uint ssrc, NtpTimestamp ntpTimestamp, uint rtpTimestamp, uint packetCount, uint octetCount,
        ReadOnlySpan<RtcpReportBlock> reportBlocks, out int written)
    {
        written = 0;
        int length = GetLength(reportBlocks.Length);
        if (reportBlocks.Length > RtcpHeader.MaxCount || length > destination.Length)
        {
            return false;
        }

        RtcpHeader.Write(destination, reportBlocks.Length, RtcpPacketType.SenderReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(4), ssrc);
        BinaryPrimitives.WriteUInt64BigEndian(destination.Slice(8), ntpTimestamp.Value);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(16), rtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(20), packetCount);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(24), octetCount);
        for (int i = 0; i < reportBlocks.Length; i++)
        {
            reportBlocks[i].Write(destination.Slice(28 + (i * RtcpReportBlock.Length)));
        }

        written = length;
        return true;
    }
}
