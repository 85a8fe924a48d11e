namespace Appliance.Net.Rtcp;

/// <summary>
/// One Generic NACK FCI entry (RFC 4585 6.2.1):
/// <code>
/// |            PID                |             BLP               |
/// </code>
/// "PID: Packet ID ... the RTP sequence number of the lost packet. BLP: bitmask of following lost packets
/// ... bit i of the BLP is set to 1 if the receiver has not received RTP packet number (PID+i+1)".
/// </summary>
public readonly record struct RtcpNackItem(ushort PacketId, ushort LostBitmask)
{
    /// <summary>How many packets this item reports lost (1 + bits set in BLP).</summary>
    public int LostCount => 1 + System.Numerics.BitOperations.PopCount(LostBitmask);

    /// <summary>Writes the lost sequence numbers into <paramref name="destination"/>; returns how many (0 if it is too small).</summary>
    public int GetLostSequenceNumbers(Span<ushort> destination)
    {
        if (destination.Length < LostCount)
        {
            return 0;
        }

        int count = 0;
        destination[count++] = PacketId;
        for (int bit = 0; bit < 16; bit++)
        {
            if ((LostBitmask & (1 << bit)) != 0)
            {
                destination[count++] = (ushort)(PacketId + bit + 1);
            }
        }

        return count;
    }

    /// <summary>
    /// Packs lost sequence numbers, given in ascending RTP order (wrap-around allowed), into as few items as
    /// that order allows. Returns the number of items written, or -1 if <paramref name="destination"/> is too small.
    /// </summary>
    public static int FromLostSequenceNumbers(ReadOnlySpan<ushort> lost, Span<RtcpNackItem> destination)
    {
        int count = 0;
        ushort pid = 0;
        ushort blp = 0;
        foreach (ushort sequenceNumber in lost)
        {
            int distance = (ushort)(sequenceNumber - pid);
            if (count > 0 && distance is >= 1 and <= 16)
            {
                blp |= (ushort)(1 << (distance - 1));
                destination[count - 1] = new RtcpNackItem(pid, blp);
                continue;
            }

            if (count > 0 && distance == 0)
            {
                continue; // duplicate
            }

            if (count == destination.Length)
            {
                return -1;
            }

            pid = sequenceNumber;
            blp = 0;
            destination[count++] = new RtcpNackItem(pid, blp);
        }

        return count;
    }
}
