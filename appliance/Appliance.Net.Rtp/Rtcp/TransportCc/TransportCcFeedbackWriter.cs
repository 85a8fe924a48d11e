using System.Buffers.Binary;

namespace Appliance.Net.Rtcp;

/// <summary>
/// Builds transport-cc feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 3.1) from receive deltas,
/// choosing run length chunks for long runs and status vector chunks otherwise, then zero padding to a
/// 32-bit boundary.
/// </summary>
public static class TransportCcFeedbackWriter
{
    /// <summary>A receive delta meaning "packet not received".</summary>
    public const int NotReceived = int.MinValue;

    /// <summary>An arrival time meaning "packet not received".</summary>
    public const long NotReceivedTime = long.MinValue;

    /// <summary>Microseconds per reference time unit (64 ms).</summary>
    public const long ReferenceTimeMicroseconds = 64_000;

    /// <summary>Microseconds per delta tick (250 µs).</summary>
    public const long TickMicroseconds = 250;

    /// <summary>
    /// Turns arrival times (µs in any monotonic time base, <see cref="NotReceivedTime"/> for losses, one per
    /// sequence number from the base on) into a reference time (the first arrival rounded down to 64 ms) and
    /// receive deltas in 250 µs ticks. Deltas are taken between rounded absolute times, so rounding does not
    /// accumulate. False if no packet was received.
    /// </summary>
    public static bool TryComputeDeltas(ReadOnlySpan<long> arrivalMicroseconds, Span<int> deltaTicks, out int referenceTime)
    {
        referenceTime = 0;
        if (deltaTicks.Length < arrivalMicroseconds.Length)
        {
            return false;
        }

        long previousTicks = 0;
        bool any = false;
        for (int i = 0; i < arrivalMicroseconds.Length; i++)
        {
            long arrival = arrivalMicroseconds[i];
            if (arrival == NotReceivedTime)
            {
                deltaTicks[i] = NotReceived;
                continue;
            }

            if (!any)
            {
                long reference = Math.DivRem(arrival, ReferenceTimeMicroseconds, out long rest) - (rest < 0 ? 1 : 0);
                referenceTime = (int)(reference & 0xFFFFFF);
                previousTicks = reference * (ReferenceTimeMicroseconds / TickMicroseconds);
                any = true;
            }

            long ticks = (long)Math.Round((double)arrival / TickMicroseconds, MidpointRounding.AwayFromZero);
            long delta = ticks - previousTicks;
            deltaTicks[i] = delta is >= int.MinValue + 1 and <= int.MaxValue ? (int)delta : int.MaxValue;
            previousTicks = ticks;
        }

        return any;
    }

    /// <summary>Bytes a feedback packet for these deltas would take; -1 if a delta cannot be encoded.</summary>
    public static int GetLength(ReadOnlySpan<int> deltaTicks)
    {
        int chunkCount = 0;
        int deltaBytes = 0;
        for (int i = 0; i < deltaTicks.Length;)
        {
            if (!TryChooseChunk(deltaTicks[i..], out _, out int consumed))
            {
                return -1;
            }

            for (int j = i; j < i + consumed; j++)
            {
                deltaBytes += TransportCcChunk.DeltaSize((int)TransportCcChunk.SymbolFor(deltaTicks[j])!.Value);
            }

            chunkCount++;
            i += consumed;
        }

        return RtcpHeader.Align4(RtcpFeedbackPacket.FixedLength + RtcpTransportCcFeedback.FciHeaderLength + (2 * chunkCount) + deltaBytes);
    }

    /// <summary>
    /// Writes feedback for <paramref name="deltaTicks"/>.Length (1-65535) consecutive sequence numbers from
    /// <paramref name="baseSequenceNumber"/>. Each delta is <see cref="NotReceived"/> or a 16-bit signed tick count.
    /// False, writing nothing useful, if a delta does not fit or the buffer is too small.
    /// </summary>
    public static bool TryWrite(
        Span<byte> destination, uint senderSsrc, uint mediaSsrc, ushort baseSequenceNumber, int referenceTime, byte feedbackPacketCount,
        ReadOnlySpan<int> deltaTicks, out int written)
    {
        written = 0;
        int length = deltaTicks.Length is >= 1 and <= ushort.MaxValue ? GetLength(deltaTicks) : -1;
        if (length < 0 || length > destination.Length
            || !RtcpFeedbackPacket.TryWriteHeader(destination, RtcpPacketType.TransportLayerFeedback, RtpFeedbackFormat.TransportCc, senderSsrc, mediaSsrc, length - RtcpFeedbackPacket.FixedLength))
        {
            return false;
        }

        Span<byte> fci = destination[RtcpFeedbackPacket.FixedLength..length];
        BinaryPrimitives.WriteUInt16BigEndian(fci, baseSequenceNumber);
        BinaryPrimitives.WriteUInt16BigEndian(fci.Slice(2), (ushort)deltaTicks.Length);
        fci[4] = (byte)(referenceTime >> 16);
        fci[5] = (byte)(referenceTime >> 8);
        fci[6] = (byte)referenceTime;
        fci[7] = feedbackPacketCount;

        int chunkOffset = RtcpTransportCcFeedback.FciHeaderLength;
        int chunkCount = 0;
        for (int i = 0; i < deltaTicks.Length;)
        {
            TryChooseChunk(deltaTicks[i..], out _, out int consumed);
            i += consumed;
            chunkCount++;
        }

        int deltaOffset = chunkOffset + (2 * chunkCount);
        for (int i = 0; i < deltaTicks.Length;)
        {
            TryChooseChunk(deltaTicks[i..], out ushort chunk, out int consumed);
            BinaryPrimitives.WriteUInt16BigEndian(fci.Slice(chunkOffset), chunk);
            chunkOffset += 2;
            for (int j = i; j < i + consumed; j++)
            {
                int delta = deltaTicks[j];
                switch (TransportCcChunk.SymbolFor(delta))
                {
                    case TransportCcSymbol.ReceivedSmallDelta:
                        fci[deltaOffset++] = (byte)delta;
                        break;
                    case TransportCcSymbol.ReceivedLargeDelta:
                        BinaryPrimitives.WriteInt16BigEndian(fci.Slice(deltaOffset), (short)delta);
                        deltaOffset += 2;
                        break;
                }
            }

            i += consumed;
        }

        fci[deltaOffset..].Clear(); // "zero padding" to the 32-bit boundary
        written = length;
        return true;
    }

    /// <summary>
    /// Picks the chunk for the symbols at the start of <paramref name="deltas"/>: a run length chunk for a run
    /// of at least 7 equal symbols (or a run reaching the end), else a one-bit vector when the next 14 symbols
    /// need no large delta, else a two-bit vector of 7. Padding symbols past the end are "not received".
    /// </summary>
    private static bool TryChooseChunk(ReadOnlySpan<int> deltas, out ushort chunk, out int consumed)
    {
        chunk = 0;
        consumed = 0;
        TransportCcSymbol? first = TransportCcChunk.SymbolFor(deltas[0]);
        if (first is null)
        {
            return false;
        }

        int run = 1;
        while (run < deltas.Length && run < TransportCcChunk.MaxRunLength && TransportCcChunk.SymbolFor(deltas[run]) == first)
        {
            run++;
        }

        if (run >= TransportCcChunk.TwoBitCapacity || run == deltas.Length)
        {
            chunk = TransportCcChunk.RunLength(first.Value, run);
            consumed = run;
            return true;
        }

        int oneBitCount = Math.Min(TransportCcChunk.OneBitCapacity, deltas.Length);
        bool oneBit = true;
        for (int i = 0; i < oneBitCount; i++)
        {
            TransportCcSymbol? symbol = TransportCcChunk.SymbolFor(deltas[i]);
            if (symbol is null)
            {
                return TryTwoBit(deltas, out chunk, out consumed);
            }

            oneBit &= symbol != TransportCcSymbol.ReceivedLargeDelta;
        }

        if (!oneBit)
        {
            return TryTwoBit(deltas, out chunk, out consumed);
        }

        int value = 0x8000;
        for (int i = 0; i < oneBitCount; i++)
        {
            value |= (int)TransportCcChunk.SymbolFor(deltas[i])!.Value << (TransportCcChunk.OneBitCapacity - 1 - i);
        }

        chunk = (ushort)value;
        consumed = oneBitCount;
        return true;
    }

    private static bool TryTwoBit(ReadOnlySpan<int> deltas, out ushort chunk, out int consumed)
    {
        chunk = 0;
        consumed = Math.Min(TransportCcChunk.TwoBitCapacity, deltas.Length);
        int value = 0xC000;
        for (int i = 0; i < consumed; i++)
        {
            TransportCcSymbol? symbol = TransportCcChunk.SymbolFor(deltas[i]);
            if (symbol is null)
            {
                consumed = 0;
                return false;
            }

            value |= (int)symbol.Value << (2 * (TransportCcChunk.TwoBitCapacity - 1 - i));
        }

        chunk = (ushort)value;
        return true;
    }
}
