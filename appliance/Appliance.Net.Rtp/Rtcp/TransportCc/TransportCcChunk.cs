namespace Appliance.Net.Rtcp;

/// <summary>
/// Packet chunk encoding (draft-holmer-rmcat-transport-wide-cc-extensions-01 3.1.3 and 3.1.4):
/// <code>
/// Run length chunk:        |T=0| S |       Run Length        |   (S: 2-bit symbol, run length: 13 bits)
/// Status vector chunk:     |T=1|S=0|    14 one-bit symbols    |  (0 = not received, 1 = received small delta)
///                          |T=1|S=1|    7 two-bit symbols     |
/// </code>
/// </summary>
internal static class TransportCcChunk
{
    /// <summary>Longest run a run length chunk carries (13 bits).</summary>
    public const int MaxRunLength = 0x1FFF;

    /// <summary>Symbols in a one-bit status vector chunk.</summary>
    public const int OneBitCapacity = 14;

    /// <summary>Symbols in a two-bit status vector chunk.</summary>
    public const int TwoBitCapacity = 7;

    /// <summary>How many symbols <paramref name="chunk"/> describes.</summary>
    public static int SymbolCount(ushort chunk)
    {
        if ((chunk & 0x8000) == 0)
        {
            return chunk & MaxRunLength;
        }

        return (chunk & 0x4000) == 0 ? OneBitCapacity : TwoBitCapacity;
    }

    /// <summary>The raw 2-bit symbol at <paramref name="index"/> (may be 3, the reserved value).</summary>
    public static int GetSymbol(ushort chunk, int index)
    {
        if ((chunk & 0x8000) == 0)
        {
            return (chunk >> 13) & 0x3;
        }

        if ((chunk & 0x4000) == 0)
        {
            return (chunk >> (OneBitCapacity - 1 - index)) & 0x1;
        }

        return (chunk >> (2 * (TwoBitCapacity - 1 - index))) & 0x3;
    }

    /// <summary>Bytes of receive delta a symbol takes: 0, 1 or 2; -1 for the reserved symbol.</summary>
    public static int DeltaSize(int symbol) => symbol switch
    {
        0 => 0,
        1 => 1,
        2 => 2,
        _ => -1,
    };

    /// <summary>A run length chunk.</summary>
    public static ushort RunLength(TransportCcSymbol symbol, int length) => (ushort)(((int)symbol << 13) | length);

    /// <summary>The symbol a receive delta needs; null if it does not fit in 16 signed bits.</summary>
    public static TransportCcSymbol? SymbolFor(int deltaTicks) => deltaTicks switch
    {
        TransportCcFeedbackWriter.NotReceived => TransportCcSymbol.NotReceived,
        >= 0 and <= byte.MaxValue => TransportCcSymbol.ReceivedSmallDelta,
        >= short.MinValue and <= short.MaxValue => TransportCcSymbol.ReceivedLargeDelta,
        _ => null,
    };
}
