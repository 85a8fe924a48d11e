namespace Appliance.Net.Sdp.Attributes;

/// <summary>
/// "a=setup:" (RFC 4145 4, used for DTLS by RFC 5763 5): which side opens the connection,
/// i.e. which side is the DTLS client.
/// </summary>
public enum SetupRole
{
    /// <summary>"active": this endpoint initiates (DTLS client).</summary>
    Active,

    /// <summary>"passive": this endpoint accepts (DTLS server).</summary>
    Passive,

    /// <summary>"actpass": either; an offerer must use this (RFC 5763 5).</summary>
    ActPass,

    /// <summary>"holdconn": no connection for now.</summary>
    HoldConn,
}

/// <summary>SDP spellings of <see cref="SetupRole"/>.</summary>
public static class SetupRoleNames
{
    /// <summary>The attribute value, e.g. "passive".</summary>
    public static string ToSdpName(this SetupRole role) => role switch
    {
        SetupRole.Active => "active",
        SetupRole.Passive => "passive",
        SetupRole.HoldConn => "holdconn",
        _ => "actpass",
    };

    /// <summary>Reads an attribute value; false when unknown.</summary>
    public static bool TryParse(string value, out SetupRole role)
    {
        switch (value)
        {
            case "active": role = SetupRole.Active; return true;
            case "passive": role = SetupRole.Passive; return true;
            case "actpass": role = SetupRole.ActPass; return true;
            case "holdconn": role = SetupRole.HoldConn; return true;
            default: role = default; return false;
        }
    }
}
