namespace Appliance.Net.Stun;

/// <summary>The STUN error codes the ICE-lite agent sends (RFC 8489 section 14.8, RFC 8445 section 7.3.1.1).</summary>
public static class StunErrorCode
{
    /// <summary>The request was malformed (e.g. USERNAME or MESSAGE-INTEGRITY missing).</summary>
    public const int BadRequest = 400;

    /// <summary>The request did not contain the correct credentials.</summary>
    public const int Unauthenticated = 401;

    /// <summary>The request has comprehension-required attributes the server does not understand (RFC 8489 section 6.3.1).</summary>
    public const int UnknownAttribute = 420;

    /// <summary>ICE role conflict: the client should switch role (RFC 8445 section 7.3.1.1).</summary>
    public const int RoleConflict = 487;

    /// <summary>The reason phrase RFC 8489 section 14.8 suggests for <paramref name="code"/>.</summary>
    public static string ReasonPhrase(int code) => code switch
    {
        BadRequest => "Bad Request",
        Unauthenticated => "Unauthenticated",
        UnknownAttribute => "Unknown Attribute",
        RoleConflict => "Role Conflict",
        _ => "Error",
    };
}
