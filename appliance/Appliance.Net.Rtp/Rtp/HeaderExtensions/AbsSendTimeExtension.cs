namespace Appliance.Net.Rtp;

/// <summary>
/// The absolute send time header extension, <c>http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time</c>:
/// a 24-bit 6.18 fixed-point number of seconds (6 bits of seconds, 18 bits of fraction), the middle bits of
/// the 64-bit NTP send time. It wraps every 64 seconds; resolution is about 3.8 µs.
/// </summary>
public static class AbsSendTimeExtension
{
    /// <summary>The URI negotiated in SDP (a=extmap).</summary>
    public const string Uri = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";

    /// <summary>Data length: 3 bytes.</summary>
    public const int Length = 3;

    /// <summary>Units per second of the 6.18 value (2^18).</summary>
    public const int UnitsPerSecond = 1 << 18;

    /// <summary>The 6.18 value for a 64-bit NTP timestamp: bits 14..37 of it.</summary>
    public static uint FromNtp(ulong ntpTimestamp) => (uint)(ntpTimestamp >> 14) & 0xFFFFFF;

    /// <summary>Converts a 6.18 value to a time within its 64-second window.</summary>
    public static TimeSpan ToTimeSpan(uint value) =>
        TimeSpan.FromTicks((long)(value & 0xFFFFFF) * TimeSpan.TicksPerSecond / UnitsPerSecond);

    /// <summary>Reads the 24-bit value.</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out uint value)
    {
        if (data.Length != Length)
        {
            value = 0;
            return false;
        }

        value = (uint)((data[0] << 16) | (data[1] << 8) | data[2]);
        return true;
    }

    /// <summary>Writes the low 24 bits of <paramref name="value"/>.</summary>
    public static bool TryWrite(uint value, Span<byte> destination)
    {
        if (destination.Length < Length)
        {
            return false;
        }

        destination[0] = (byte)(value >> 16);
        destination[1] = (byte)(value >> 8);
        destination[2] = (byte)value;
        return true;
    }

    /// <summary>Adds the element to a packet being written.</summary>
    public static bool TryAdd(ref RtpPacketWriter writer, int id, uint value)
    {
        Span<byte> buffer = stackalloc byte[Length];
        TryWrite(value, buffer);
        return writer.TryAddExtension(id, buffer);
    }
}
