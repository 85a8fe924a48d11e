namespace Appliance.Net.Sdp.Model;

/// <summary>
/// A whole session description (RFC 8866 section 5): the session-level lines,
/// then one <see cref="MediaDescription"/> per "m=" line, in order.
/// </summary>
/// <remarks>
/// RFC 8866 section 5: "An SDP description consists of a session-level section
/// followed by zero or more media descriptions."
/// Lines the model does not name are kept in <see cref="DescriptionLevel.OtherAttributes"/>
/// and <see cref="OtherLines"/> so that a parse followed by a serialize loses nothing.
/// </remarks>
public sealed class SessionDescription : DescriptionLevel
{
    /// <summary>"v=" (RFC 8866 5.1): always 0.</summary>
    public int Version { get; set; }

    /// <summary>"o=" (RFC 8866 5.2).</summary>
    public Origin Origin { get; set; } = new("-", "0", 0, "IN", "IP4", "0.0.0.0");

    /// <summary>"s=" (RFC 8866 5.3): browsers send "-".</summary>
    public string SessionName { get; set; } = "-";

    /// <summary>"t=" (RFC 8866 5.9): "0 0" for an unbounded session.</summary>
    public Timing Timing { get; set; } = new(0, 0);

    /// <summary>Session-level "c=" (RFC 8866 5.7), if any.</summary>
    public ConnectionData? Connection { get; set; }

    /// <summary>Lines of other types ("i=", "u=", "e=", "p=", "b=", "r=", "z=", "k=") kept as they came.</summary>
    public List<SdpLine> OtherLines { get; } = new();

    /// <summary>"a=group:" (RFC 5888), e.g. "a=group:BUNDLE 0 1".</summary>
    public List<SdpGroup> Groups { get; } = new();

    /// <summary>"a=msid-semantic:" (legacy WebRTC), the value as sent, e.g. "WMS *".</summary>
    public string? MsidSemantic { get; set; }

    /// <summary>"a=ice-lite" (RFC 8839 5.3): the endpoint is an ICE-lite implementation.</summary>
    public bool IceLite { get; set; }

    /// <summary>The media descriptions, one per "m=" line, in order.</summary>
    public List<MediaDescription> Media { get; } = new();

    /// <summary>The first "a=group:BUNDLE" group, or null.</summary>
    public SdpGroup? BundleGroup => Groups.Find(g => g.Semantics == SdpGroup.Bundle);

    /// <summary>The media description whose "a=mid" is <paramref name="mid"/>, or null.</summary>
    public MediaDescription? FindByMid(string mid) => Media.Find(m => m.Mid == mid);
}
