using Appliance.Net.Sdp.Attributes;

namespace Appliance.Net.Sdp.Model;

/// <summary>
/// One media description: an "m=" line and the lines after it up to the next "m="
/// (RFC 8866 section 5.14).
/// </summary>
/// <remarks>
/// RFC 8866 5.14: "m=&lt;media&gt; &lt;port&gt;/&lt;number of ports&gt; &lt;proto&gt; &lt;fmt&gt; ..."
/// </remarks>
public sealed class MediaDescription : DescriptionLevel
{
    /// <summary>The media type: "audio", "video", "application", ...</summary>
    public string Kind { get; set; } = MediaKinds.Audio;

    /// <summary>The transport port; 0 marks a rejected section unless "a=bundle-only" is present (RFC 8843 6).</summary>
    public int Port { get; set; }

    /// <summary>The optional "/&lt;number of ports&gt;" of the m= line.</summary>
    public int? NumberOfPorts { get; set; }

    /// <summary>The transport protocol, e.g. "UDP/TLS/RTP/SAVPF" (RFC 5764 8).</summary>
    public string Protocol { get; set; } = "UDP/TLS/RTP/SAVPF";

    /// <summary>The media formats: RTP payload types for RTP, or e.g. "webrtc-datachannel".</summary>
    public List<string> Formats { get; } = new();

    /// <summary>Media-level "c=" (RFC 8866 5.7).</summary>
    public ConnectionData? Connection { get; set; }

    /// <summary>Lines of other types ("i=", "b=", "k=") kept as they came.</summary>
    public List<SdpLine> OtherLines { get; } = new();

    /// <summary>"a=mid:" (RFC 5888 4), the media stream identification.</summary>
    public string? Mid { get; set; }

    /// <summary>"a=rtcp-mux" (RFC 5761 5.1.1).</summary>
    public bool RtcpMux { get; set; }

    /// <summary>"a=rtcp-rsize" (RFC 5506 5).</summary>
    public bool RtcpReducedSize { get; set; }

    /// <summary>"a=bundle-only" (RFC 8843 6): port 0 here does not mean rejected.</summary>
    public bool BundleOnly { get; set; }

    /// <summary>"a=rtpmap:" lines (RFC 8866 6.6).</summary>
    public List<RtpMap> RtpMaps { get; } = new();

    /// <summary>"a=fmtp:" lines (RFC 8866 6.15).</summary>
    public List<Fmtp> Fmtps { get; } = new();

    /// <summary>"a=rtcp-fb:" lines (RFC 4585 4.2).</summary>
    public List<RtcpFeedback> RtcpFeedbacks { get; } = new();

    /// <summary>"a=ssrc:" lines (RFC 5576 4.1).</summary>
    public List<SsrcAttribute> Ssrcs { get; } = new();

    /// <summary>"a=ssrc-group:" lines (RFC 5576 4.2), e.g. FID (RFC 4588 8.1).</summary>
    public List<SsrcGroup> SsrcGroups { get; } = new();

    /// <summary>"a=msid:" lines (RFC 8830 2).</summary>
    public List<Msid> Msids { get; } = new();

    /// <summary>"a=candidate:" lines (RFC 8839 5.1).</summary>
    public List<IceCandidate> Candidates { get; } = new();

    /// <summary>"a=end-of-candidates" (RFC 8840 8.2).</summary>
    public bool EndOfCandidates { get; set; }

    /// <summary>"a=rid:" lines (RFC 8851 4).</summary>
    public List<Rid> Rids { get; } = new();

    /// <summary>"a=simulcast:" (RFC 8853 5.1), if any.</summary>
    public Simulcast? Simulcast { get; set; }

    /// <summary>
    /// True when the offerer or answerer disabled this section: port 0 without "a=bundle-only".
    /// RFC 3264 section 6: "A stream is rejected by setting its port to zero";
    /// RFC 8843 section 6 makes port 0 with "a=bundle-only" mean "only if bundled".
    /// </summary>
    public bool IsRejected => Port == 0 && !BundleOnly;

    /// <summary>The "a=rtpmap" for <paramref name="payloadType"/>, or null.</summary>
    public RtpMap? FindRtpMap(int payloadType) => RtpMaps.Find(r => r.PayloadType == payloadType);

    /// <summary>The "a=fmtp" for <paramref name="payloadType"/>, or null.</summary>
    public Fmtp? FindFmtp(int payloadType) => Fmtps.Find(f => f.PayloadType == payloadType);
}
