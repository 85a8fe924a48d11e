namespace Appliance.Net.Rtp;

/// <summary>
/// The client-to-mixer audio level header extension, <c>urn:ietf:params:rtp-hdrext:ssrc-audio-level</c> (RFC 6464 section 3):
/// <code>
///  0                   1
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |  ID   | len=0 |V| level       |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// </code>
/// V is the voice activity flag; level is the audio level in -dBov, 0 (loudest) to 127 (silence).
/// </summary>
public static class AudioLevelExtension
{
    /// <summary>The URI negotiated in SDP (a=extmap).</summary>
    public const string Uri = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

    /// <summary>Quietest level: 127 -dBov, "digital silence" (RFC 6464 3).</summary>
    public const byte Silence = 127;

    /// <summary>
    /// Reads the flag and level. RFC 6464 3 allows the one-byte form to carry more than one byte
    /// ("receivers ... MUST ignore the extra bytes"); only the first is read.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> data, out bool voiceActivity, out byte level)
    {
        if (data.IsEmpty)
        {
            voiceActivity = false;
            level = 0;
            return false;
        }

        voiceActivity = (data[0] & 0x80) != 0;
        level = (byte)(data[0] & 0x7F);
        return true;
    }

    /// <summary>Encodes the byte.</summary>
    public static byte Encode(bool voiceActivity, byte level) =>
        (byte)((voiceActivity ? 0x80 : 0) | Math.Min(level, Silence));

    /// <summary>Adds the element to a packet being written.</summary>
    public static bool TryAdd(ref RtpPacketWriter writer, int id, bool voiceActivity, byte level)
    {
        ReadOnlySpan<byte> buffer = [Encode(voiceActivity, level)];
        return writer.TryAddExtension(id, buffer);
    }
}
