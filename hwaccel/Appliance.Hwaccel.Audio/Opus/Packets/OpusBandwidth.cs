namespace Appliance.Hwaccel.Audio.Opus.Packets;

/// <summary>Audio bandwidth of an Opus packet (RFC 6716 section 2, Table 1); values are the effective sample rates.</summary>
public enum OpusBandwidth
{
    /// <summary>NB: 4 kHz audio bandwidth, 8 kHz effective sample rate.</summary>
    Narrowband = 8_000,

    /// <summary>MB: 6 kHz audio bandwidth, 12 kHz effective sample rate.</summary>
    Mediumband = 12_000,

    /// <summary>WB: 8 kHz audio bandwidth, 16 kHz effective sample rate.</summary>
    Wideband = 16_000,

    /// <summary>SWB: 12 kHz audio bandwidth, 24 kHz effective sample rate.</summary>
    Superwideband = 24_000,

    /// <summary>FB: 20 kHz audio bandwidth, 48 kHz effective sample rate.</summary>
    Fullband = 48_000,
}
