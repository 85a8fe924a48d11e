using System.Buffers.Binary;

namespace Appliance.Net.Rtcp;

/// <summary>
/// Receiver Estimated Maximum Bitrate (draft-alvestrand-rmcat-remb-03 2.2): PSFB (PT=206), FMT=15
/// (application layer feedback), media source SSRC 0:
/// <code>
/// |  Unique identifier 'R' 'E' 'M' 'B'                            |
/// |  Num SSRC     | BR Exp    |  BR Mantissa                      |
/// |   SSRC feedback                                               |
/// |  ...                                                          |
/// </code>
/// "BR Exp (6 bits): The exponential scaling of the mantissa for the maximum total media bit rate value
/// ... BR Mantissa (18 bits): The mantissa of the maximum total media bit rate (ignoring all packet
/// overhead) that the sender of the REMB estimates", in bits per second.
/// </summary>
public readonly ref struct RtcpRemb
{
    private const uint UniqueIdentifier = 0x52454D42; // "REMB"
    private const int MaxMantissa = (1 << 18) - 1;

    private readonly ReadOnlySpan<byte> _ssrcs;

    private RtcpRemb(uint senderSsrc, ulong bitrate, ReadOnlySpan<byte> ssrcs)
    {
        SenderSsrc = senderSsrc;
        Bitrate = bitrate;
        _ssrcs = ssrcs;
    }

    /// <summary>Views <paramref name="packet"/> as REMB; false for other application feedback or a short SSRC list.</summary>
    public static bool TryParse(RtcpPacket packet, out RtcpRemb remb)
    {
        remb = default;
        if (!RtcpFeedbackPacket.TryParse(packet, RtcpPacketType.PayloadSpecificFeedback, PayloadFeedbackFormat.ApplicationLayerFeedback, out RtcpFeedbackPacket feedback))
        {
            return false;
        }

        ReadOnlySpan<byte> fci = feedback.Fci;
        if (fci.Length < 8 || BinaryPrimitives.ReadUInt32BigEndian(fci) != UniqueIdentifier)
        {
            return false;
        }

        int ssrcCount = fci[4];
        if (fci.Length < 8 + (4 * ssrcCount))
        {
            return false;
        }

        int exponent = fci[5] >> 2;
        ulong mantissa = (ulong)(((fci[5] & 0x03) << 16) | (fci[6] << 8) | fci[7]);
        ulong bitrate = mantissa == 0 ? 0 : exponent > System.Numerics.BitOperations.LeadingZeroCount(mantissa) ? ulong.MaxValue : mantissa << exponent;
        remb = new RtcpRemb(feedback.SenderSsrc, bitrate, fci.Slice(8, 4 * ssrcCount));
        return true;
    }

    /// <summary>SSRC of packet sender.</summary>
    public uint SenderSsrc { get; }

    /// <summary>Estimated maximum total media bit rate, bits per second (saturates at <see cref="ulong.MaxValue"/>).</summary>
    public ulong Bitrate { get; }

    /// <summary>Number of SSRCs the estimate applies to.</summary>
    public int SsrcCount => _ssrcs.Length / 4;

    /// <summary>The SSRC at <paramref name="index"/>.</summary>
    public uint GetSsrc(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)SsrcCount, nameof(index));
        return BinaryPrimitives.ReadUInt32BigEndian(_ssrcs.Slice(4 * index));
    }

    /// <summary>Splits a bitrate into (exponent, mantissa), rounding down to what 18 bits can carry.</summary>
    public static (int Exponent, int Mantissa) Encode(ulong bitrate)
    {
        int exponent = 0;
        while (bitrate > MaxMantissa)
        {
            bitrate >>= 1;
            exponent++;
        }

        return (exponent, (int)bitrate);
    }

    /// <summary>Writes a REMB for up to 255 SSRCs.</summary>
    public static bool TryWrite(Span<byte> destination, uint senderSsrc, ulong bitrate, ReadOnlySpan<uint> ssrcs, out int written)
    {
        written = 0;
        int fciLength = 8 + (4 * ssrcs.Length);
        if (ssrcs.Length > 255
            || !RtcpFeedbackPacket.TryWriteHeader(destination, RtcpPacketType.PayloadSpecificFeedback, PayloadFeedbackFormat.ApplicationLayerFeedback, senderSsrc, 0, fciLength))
        {
            return false;
        }

        (int exponent, int mantissa) = Encode(bitrate);
        Span<byte> fci = destination.Slice(RtcpFeedbackPacket.FixedLength, fciLength);
        BinaryPrimitives.WriteUInt32BigEndian(fci, UniqueIdentifier);
        fci[4] = (byte)ssrcs.Length;
        fci[5] = (byte)((exponent << 2) | (mantissa >> 16));
        fci[6] = (byte)(mantissa >> 8);
        fci[7] = (byte)mantissa;
        for (int i = 0; i < ssrcs.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(fci.Slice(8 + (4 * i)), ssrcs[i]);
        }

        written = RtcpFeedbackPacket.FixedLength + fciLength;
        return true;
    }
}
