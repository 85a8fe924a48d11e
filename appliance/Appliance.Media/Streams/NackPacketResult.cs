namespace Appliance.Media.Streams;

/// <summary>What <see cref="NackGenerator.OnPacket"/> learnt from a packet.</summary>
public enum NackPacketResult
{
    /// <summary>A packet in order, or ahead with a gap now tracked.</summary>
    InOrder,

    /// <summary>A packet that was missing arrived (retransmitted or late).</summary>
    Recovered,

    /// <summary>An old packet that was not missing (a duplicate, or one already given up).</summary>
    Old,

    /// <summary>
    /// The gap is larger than <see cref="NackGeneratorOptions.MaxMissingPackets"/>: the missing list was
    /// cleared; ask the sender for a key frame instead of retransmissions.
    /// </summary>
    KeyFrameNeeded,
}
