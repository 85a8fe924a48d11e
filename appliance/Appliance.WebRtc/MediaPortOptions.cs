namespace Appliance.WebRtc;

/// <summary>Settings of the one UDP port every participant's media uses ("Media" section).</summary>
public sealed class MediaPortOptions
{
    public const string SectionName = "Media";

    /// <summary>The UDP port of every participant's ICE, DTLS and SRTP.</summary>
    public int UdpPort { get; set; } = 10000;

    /// <summary>Seconds without a connectivity check after which a participant is disconnected (RFC 7675 consent).</summary>
    public int ConsentTimeoutSeconds { get; set; } = 30;

    /// <summary>Announce loopback addresses as candidates (tests and a browser on the box itself).</summary>
    public bool IncludeLoopbackCandidates { get; set; }

    /// <summary>Announce only these addresses as candidates (empty: every usable interface).</summary>
    public string[] AnnouncedAddresses { get; set; } = [];

    /// <summary>Video codecs in order of preference, from "H264" and "VP8".</summary>
    public string[] VideoCodecPreference { get; set; } = ["H264", "VP8"];
}
