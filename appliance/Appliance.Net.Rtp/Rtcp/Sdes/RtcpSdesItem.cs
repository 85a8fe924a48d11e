namespace Appliance.Net.Rtcp;

/// <summary>One SDES item.</summary>
public readonly ref struct RtcpSdesItem
{
    internal RtcpSdesItem(RtcpSdesItemType type, ReadOnlySpan<byte> text)
    {
        Type = type;
        Text = text;
    }

    /// <summary>Item type.</summary>
    public RtcpSdesItemType Type { get; }

    /// <summary>Item text, UTF-8 (RFC 3550 6.5: "encoded according to the UTF-8 encoding").</summary>
    public ReadOnlySpan<byte> Text { get; }
}
