using System.Text;

namespace Appliance.Net.Rtp;

/// <summary>
/// The media identification header extension, <c>urn:ietf:params:rtp-hdrext:sdes:mid</c> (RFC 8843 section 15,
/// RFC 7941): the MID of the m= section a packet belongs to, as US-ASCII text without terminator.
/// </summary>
public static class SdesMidExtension
{
    /// <summary>The URI negotiated in SDP (a=extmap).</summary>
    public const string Uri = "urn:ietf:params:rtp-hdrext:sdes:mid";

    /// <summary>Reads the MID bytes; false when empty (the one-byte form cannot carry zero bytes; RFC 7941 4.2 forbids an empty value).</summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out ReadOnlySpan<byte> mid)
    {
        mid = data;
        return !data.IsEmpty;
    }

    /// <summary>True when the element carries exactly <paramref name="mid"/> (ASCII comparison, no allocation).</summary>
    public static bool Matches(ReadOnlySpan<byte> data, ReadOnlySpan<char> mid)
    {
        if (data.Length != mid.Length)
        {
            return false;
        }

        for (int i = 0; i < data.Length; i++)
        {
            if (data[i] != mid[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Encodes <paramref name="mid"/> (ASCII) into <paramref name="destination"/>.</summary>
    public static bool TryWrite(ReadOnlySpan<char> mid, Span<byte> destination, out int written)
    {
        written = 0;
        if (mid.IsEmpty || !Ascii.IsValid(mid))
        {
            return false;
        }

        return Encoding.ASCII.TryGetBytes(mid, destination, out written);
    }

    /// <summary>Adds the MID element to a packet being written.</summary>
    public static bool TryAdd(ref RtpPacketWriter writer, int id, ReadOnlySpan<char> mid)
    {
        Span<byte> buffer = stackalloc byte[RtpHeaderExtensionProfile.TwoByteMaxLength];
        return TryWrite(mid, buffer, out int written) && writer.TryAddExtension(id, buffer[..written]);
    }
}
