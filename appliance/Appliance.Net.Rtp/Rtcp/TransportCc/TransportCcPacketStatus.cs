namespace Appliance.Net.Rtcp;

/// <summary>
/// What transport-cc feedback says about one transport-wide sequence number: its status and, when
/// received, its receive delta and its arrival time, both in 250 µs ticks
/// (draft-holmer-rmcat-transport-wide-cc-extensions-01 3.1.5: "The delta is represented as a multiple of 250us").
/// </summary>
/// <param name="SequenceNumber">Transport-wide sequence number.</param>
/// <param name="Symbol">Packet status symbol.</param>
/// <param name="DeltaTicks">Receive delta against the previous received packet (or the reference time), 0 if not received.</param>
/// <param name="ArrivalTicks">Reference time × 256 plus all deltas so far: arrival in 250 µs ticks of the feedback sender's time base.</param>
public readonly record struct TransportCcPacketStatus(ushort SequenceNumber, TransportCcSymbol Symbol, int DeltaTicks, long ArrivalTicks)
{
    /// <summary>Length of one delta tick.</summary>
    public static readonly TimeSpan TickDuration = TimeSpan.FromMicroseconds(250);

    /// <summary>True for either "received" symbol.</summary>
    public bool IsReceived => Symbol != TransportCcSymbol.NotReceived;

    /// <summary>Receive delta as a duration.</summary>
    public TimeSpan Delta => DeltaTicks * TickDuration;
}
