namespace Appliance.Net.Rtcp;

/// <summary>
/// Packet status symbols of transport-cc feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 3.1.1):
/// "00 Packet not received, 01 Packet received, small delta, 10 Packet received, large or negative delta,
/// 11 [Reserved]".
/// </summary>
public enum TransportCcSymbol : byte
{
    /// <summary>Packet not received; no receive delta.</summary>
    NotReceived = 0,

    /// <summary>Received; one-byte unsigned delta (0 to 63.75 ms).</summary>
    ReceivedSmallDelta = 1,

    /// <summary>Received; two-byte signed delta (-8192 to 8191.75 ms).</summary>
    ReceivedLargeDelta = 2,
}
