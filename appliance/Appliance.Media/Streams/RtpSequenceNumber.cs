namespace Appliance.Media.Streams;

/// <summary>
/// Arithmetic on 16-bit RTP sequence numbers, which wrap from 65535 to 0
/// (RFC 3550 section 5.1: "The sequence number increments by one for each RTP data packet sent").
/// "Newer" is decided by serial-number arithmetic over half the number space (RFC 1982).
/// </summary>
public static class RtpSequenceNumber
{
    /// <summary>Signed distance from <paramref name="from"/> to <paramref name="to"/>, in -32768..32767.</summary>
    public static int Distance(ushort from, ushort to) => (short)(ushort)(to - from);

    /// <summary>True when <paramref name="candidate"/> comes after <paramref name="reference"/> (wrap-around aware).</summary>
    public static bool IsNewer(ushort candidate, ushort reference) => Distance(reference, candidate) > 0;

    /// <summary>The sequence number that follows <paramref name="value"/>.</summary>
    public static ushort Next(ushort value) => unchecked((ushort)(value + 1));
}
