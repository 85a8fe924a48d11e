namespace Appliance.Net.Stun;

/// <summary>STUN methods (RFC 8489 section 18.2). ICE uses only Binding.</summary>
public enum StunMethod : ushort
{
    Binding = 0x001,
}
