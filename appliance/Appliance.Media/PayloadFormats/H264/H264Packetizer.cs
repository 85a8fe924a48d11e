namespace Appliance.Media.PayloadFormats.H264;

/// <summary>
/// RFC 6184 packetization-mode 1 sender. Splits an Annex B access unit into RTP payloads of at most
/// <see cref="MaxPayloadSize"/> bytes: small consecutive NAL units (such as SPS and PPS) are aggregated
/// into STAP-A packets, NAL units that do not fit are fragmented into FU-A packets, and the last payload
/// of the access unit gets the marker bit (section 5.1: "set for the very last packet of the access unit").
/// </summary>
public sealed class H264Packetizer
{
    /// <summary>Default payload budget: leaves room for RTP, SRTP, UDP and IP headers in a 1500-byte MTU.</summary>
    public const int DefaultMaxPayloadSize = 1200;

    /// <summary>Smallest budget accepted (a FU-A needs two header bytes plus data).</summary>
    public const int MinMaxPayloadSize = 16;

    /// <summary>Creates a packetizer with the given payload budget.</summary>
    public H264Packetizer(int maxPayloadSize = DefaultMaxPayloadSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPayloadSize, MinMaxPayloadSize);
        MaxPayloadSize = maxPayloadSize;
    }

    /// <summary>Largest payload produced.</summary>
    public int MaxPayloadSize { get; }

    /// <summary>
    /// Starts packetizing <paramref name="accessUnit"/>; call <see cref="H264PacketSequence.TryWriteNext"/>
    /// until it returns false. Nothing is copied until then.
    /// </summary>
    public H264PacketSequence Packetize(ReadOnlySpan<byte> accessUnit) => new(accessUnit, MaxPayloadSize);
}
