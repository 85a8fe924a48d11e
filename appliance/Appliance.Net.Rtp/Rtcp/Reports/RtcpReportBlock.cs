using System.Buffers.Binary;

namespace Appliance.Net.Rtcp;

/// <summary>
/// One reception report block of an SR or RR (RFC 3550 6.4.1):
/// <code>
/// +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
/// |                 SSRC_1 (SSRC of first source)                 |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// | fraction lost |       cumulative number of packets lost       |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |           extended highest sequence number received           |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                      interarrival jitter                      |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                         last SR (LSR)                         |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                   delay since last SR (DLSR)                  |
/// +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
/// </code>
/// </summary>
public readonly record struct RtcpReportBlock
{
    /// <summary>Length in bytes.</summary>
    public const int Length = 24;

    /// <summary>Smallest value of the signed 24-bit cumulative loss.</summary>
    public const int MinCumulativeLost = -0x800000;

    /// <summary>Largest value of the signed 24-bit cumulative loss.</summary>
    public const int MaxCumulativeLost = 0x7FFFFF;

    /// <summary>SSRC of the source this block reports on.</summary>
    public uint Ssrc { get; init; }

    /// <summary>Fraction lost since the last report, as a fixed-point number with the binary point at the left (n/256).</summary>
    public byte FractionLost { get; init; }

    /// <summary>Cumulative number of packets lost, signed 24 bits ("may be negative because of duplicates"); clamped when written.</summary>
    public int CumulativeLost { get; init; }

    /// <summary>Extended highest sequence number received (cycles in the high 16 bits).</summary>
    public uint ExtendedHighestSequenceNumber { get; init; }

    /// <summary>Interarrival jitter, in RTP timestamp units (RFC 3550 6.4.1, A.8).</summary>
    public uint Jitter { get; init; }

    /// <summary>LSR: middle 32 bits of the NTP timestamp of the last SR received from this source; 0 if none.</summary>
    public uint LastSenderReport { get; init; }

    /// <summary>DLSR: delay since that SR was received, in units of 1/65536 s; 0 if none.</summary>
    public uint DelaySinceLastSenderReport { get; init; }

    /// <summary>Reads a block from the first 24 bytes of <paramref name="data"/> (the caller checks the length).</summary>
    internal static RtcpReportBlock Read(ReadOnlySpan<byte> data)
    {
        int lost = (data[5] << 16) | (data[6] << 8) | data[7];
        if ((lost & 0x800000) != 0)
        {
            lost |= unchecked((int)0xFF000000); // sign-extend 24 bits
        }

        return new RtcpReportBlock
        {
            Ssrc = BinaryPrimitives.ReadUInt32BigEndian(data),
            FractionLost = data[4],
            CumulativeLost = lost,
            ExtendedHighestSequenceNumber = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(8)),
            Jitter = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(12)),
            LastSenderReport = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(16)),
            DelaySinceLastSenderReport = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(20)),
        };
    }

    /// <summary>Writes the block into the first 24 bytes of <paramref name="destination"/>.</summary>
    internal void Write(Span<byte> destination)
    {
        int lost = Math.Clamp(CumulativeLost, MinCumulativeLost, MaxCumulativeLost);
        BinaryPrimitives.WriteUInt32BigEndian(destination, Ssrc);
        destination[4] = FractionLost;
        destination[5] = (byte)(lost >> 16);
        destination[6] = (byte)(lost >> 8);
        destination[7] = (byte)lost;
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(8), ExtendedHighestSequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(12), Jitter);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(16), LastSenderReport);
        BinaryPrimitives.WriteUInt32BigEndian(destination.Slice(20), DelaySinceLastSenderReport);
    }
}
