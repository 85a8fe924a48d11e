namespace Appliance.Net.Stun;

/// <summary>The class of a STUN message (RFC 8489 section 5: the C1 and C0 bits).</summary>
public enum StunMessageClass
{
    Request = 0b00,
    Indication = 0b01,
    SuccessResponse = 0b10,
    ErrorResponse = 0b11,
}
