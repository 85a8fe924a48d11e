using Appliance.Net.Sdp.Attributes;

namespace Appliance.Net.Sdp.Model;

/// <summary>
/// The attributes that may appear both at session level and at media level
/// (RFC 8866 section 5.13: "Attributes ... may appear as session-level or media-level").
/// A media-level value, when present, overrides the session-level one.
/// </summary>
public abstract class DescriptionLevel
{
    /// <summary>"a=ice-ufrag:" (RFC 8839 5.4).</summary>
    public string? IceUfrag { get; set; }

    /// <summary>"a=ice-pwd:" (RFC 8839 5.4).</summary>
    public string? IcePwd { get; set; }

    /// <summary>"a=ice-options:" tokens (RFC 8839 5.6), e.g. "trickle".</summary>
    public List<string> IceOptions { get; } = new();

    /// <summary>"a=fingerprint:" lines (RFC 8122 5).</summary>
    public List<Fingerprint> Fingerprints { get; } = new();

    /// <summary>"a=setup:" (RFC 4145 4), the DTLS role.</summary>
    public SetupRole? Setup { get; set; }

    /// <summary>"a=sendrecv" / "a=sendonly" / "a=recvonly" / "a=inactive" (RFC 8866 6.7).</summary>
    public MediaDirection? Direction { get; set; }

    /// <summary>"a=extmap:" lines (RFC 8285 8).</summary>
    public List<ExtMap> ExtMaps { get; } = new();

    /// <summary>"a=extmap-allow-mixed" (RFC 8285 6).</summary>
    public bool ExtmapAllowMixed { get; set; }

    /// <summary>Attributes this model does not name, kept in arrival order.</summary>
    public List<SdpAttribute> OtherAttributes { get; } = new();
}
