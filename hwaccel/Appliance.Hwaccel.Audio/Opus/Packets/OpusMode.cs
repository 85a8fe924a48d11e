namespace Appliance.Hwaccel.Audio.Opus.Packets;

/// <summary>The coding mode of an Opus packet (RFC 6716 section 3.1, Table 2).</summary>
public enum OpusMode
{
    /// <summary>SILK-only: linear prediction, for speech up to wideband.</summary>
    SilkOnly,

    /// <summary>Hybrid: SILK below 8 kHz and CELT above.</summary>
    Hybrid,

    /// <summary>CELT-only: MDCT, for music and low delay.</summary>
    CeltOnly,
}
