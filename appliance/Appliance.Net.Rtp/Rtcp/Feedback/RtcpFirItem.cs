namespace Appliance.Net.Rtcp;

/// <summary>
/// One FIR FCI entry (RFC 5104 4.3.1.1): the SSRC asked for a decoder refresh and the command sequence
/// number ("incremented by one modulo 2^8 for each new command"; a repeated request keeps its number).
/// </summary>
public readonly record struct RtcpFirItem(uint Ssrc, byte SequenceNumber);
