namespace Appliance.Net.Rtcp;

/// <summary>
/// Round-trip time from a report block (RFC 3550 6.4.1): "the source may compute the total round-trip
/// propagation delay to that receiver by recording the time A when this reception report block is
/// received. It calculates the total round-trip time A-LSR using the last SR timestamp (LSR) field, and
/// then subtracting this field to leave the round-trip propagation delay as (A - LSR - DLSR)."
/// </summary>
public static class RtcpRoundTripTime
{
    /// <summary>
    /// Computes A - LSR - DLSR in 32-bit compact NTP arithmetic (wrapping, as the middle bits wrap every
    /// 18 hours). False when the block reports no SR yet (LSR = 0) or the result is negative (clock skew,
    /// or a stale/forged block).
    /// </summary>
    public static bool TryCompute(NtpTimestamp arrival, RtcpReportBlock block, out TimeSpan roundTripTime) =>
        TryCompute(arrival.Middle32, block.LastSenderReport, block.DelaySinceLastSenderReport, out roundTripTime);

    /// <summary>The same from raw compact values (units of 1/65536 s).</summary>
    public static bool TryCompute(uint arrivalMiddle32, uint lastSenderReport, uint delaySinceLastSenderReport, out TimeSpan roundTripTime)
    {
        roundTripTime = TimeSpan.Zero;
        if (lastSenderReport == 0)
        {
            return false;
        }

        int rtt = unchecked((int)(arrivalMiddle32 - lastSenderReport - delaySinceLastSenderReport));
        if (rtt < 0)
        {
            return false;
        }

        roundTripTime = NtpTimestamp.FromCompact((uint)rtt);
        return true;
    }
}
