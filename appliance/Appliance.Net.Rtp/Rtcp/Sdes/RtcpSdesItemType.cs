namespace Appliance.Net.Rtcp;

/// <summary>SDES item types (RFC 3550 6.5, 12.2).</summary>
public enum RtcpSdesItemType : byte
{
    /// <summary>END: end of the item list of a chunk.</summary>
    End = 0,

    /// <summary>CNAME: canonical end-point identifier (RFC 3550 6.5.1).</summary>
    Cname = 1,

    /// <summary>NAME: user name.</summary>
    Name = 2,

    /// <summary>EMAIL: electronic mail address.</summary>
    Email = 3,

    /// <summary>PHONE: phone number.</summary>
    Phone = 4,

    /// <summary>LOC: geographic user location.</summary>
    Location = 5,

    /// <summary>TOOL: application or tool name.</summary>
    Tool = 6,

    /// <summary>NOTE: notice/status.</summary>
    Note = 7,

    /// <summary>PRIV: private extensions.</summary>
    Private = 8,
}
