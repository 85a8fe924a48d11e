namespace Appliance.Media.PayloadFormats.Opus;

/// <summary>
/// RFC 7587: an Opus RTP payload is one Opus packet, unchanged (section 4.2), and the RTP clock
/// always runs at 48 kHz, for every Opus mode and sampling rate (section 4.1). The packet's duration
/// comes from its TOC byte (RFC 6716 section 3.1).
/// </summary>
public static class OpusPayload
{
    /// <summary>RTP clock rate of Opus.</summary>
    public const int ClockRate = 48000;

    /// <summary>Samples (at 48 kHz) in the 20 ms frames the appliance sends and expects.</summary>
    public const int SamplesPer20Ms = 960;

    /// <summary>RFC 6716 section 3.2.5: the total duration of a packet "MUST NOT exceed 120 ms".</summary>
    public const int MaxPacketSamples = 5760;

    /// <summary>
    /// Duration of an Opus packet in 48 kHz samples from its TOC byte:
    /// <code>
    ///  0 1 2 3 4 5 6 7
    /// +-+-+-+-+-+-+-+-+
    /// | config  |s| c |
    /// +-+-+-+-+-+-+-+-+
    /// </code>
    /// config gives the frame size (RFC 6716 Table 2), c the frame count: 0 = one frame, 1 and 2 = two
    /// frames, 3 = a count in the next byte (section 3.2.5: "|v|p|     M     |"). False if malformed.
    /// </summary>
    public static bool TryGetDuration(ReadOnlySpan<byte> packet, out int samples)
    {
        samples = 0;
        if (packet.IsEmpty)
        {
            return false;
        }

        int config = packet[0] >> 3;
        int frameSamples = config switch
        {
            // SILK-only: 10, 20, 40, 60 ms.
            < 12 => (config & 3) switch { 0 => 480, 1 => 960, 2 => 1920, _ => 2880 },

            // Hybrid: 10, 20 ms.
            < 16 => (config & 1) == 0 ? 480 : 960,

            // CELT-only: 2.5, 5, 10, 20 ms.
            _ => (config & 3) switch { 0 => 120, 1 => 240, 2 => 480, _ => 960 },
        };

        int frames;
        switch (packet[0] & 3)
        {
            case 0:
                frames = 1;
                break;
            case 1:
            case 2:
                frames = 2;
                break;
            default:
                if (packet.Length < 2)
                {
                    return false;
                }

                frames = packet[1] & 0x3F;
                break;
        }

        samples = frames * frameSamples;
        return frames > 0 && samples <= MaxPacketSamples;
    }
}
