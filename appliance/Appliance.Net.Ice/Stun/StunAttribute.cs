namespace Appliance.Net.Stun;

/// <summary>One attribute of a parsed STUN message: its type and its value (without padding).</summary>
public readonly ref struct StunAttribute
{
    public StunAttribute(ushort type, int offset, ReadOnlySpan<byte> value)
    {
        Type = type;
        Offset = offset;
        Value = value;
    }

    /// <summary>The attribute type (see <see cref="StunAttributeType"/>).</summary>
    public ushort Type { get; }

    /// <summary>Where the attribute's 4-byte header starts in the message.</summary>
    public int Offset { get; }

    public ReadOnlySpan<byte> Value { get; }
}
