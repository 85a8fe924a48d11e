namespace Appliance.Media.Streams;

/// <summary>Receives each packet the <see cref="Pacer"/> releases (typically: SRTP protect, then UDP send).</summary>
/// <param name="packet">The packet; valid only during the call.</param>
public delegate void PacedPacketSender(ReadOnlySpan<byte> packet);
