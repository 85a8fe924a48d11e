namespace Appliance.Net.Sdp.Model;

/// <summary>The "m=" media types WebRTC uses (RFC 8866 5.14, RFC 8841 for "application").</summary>
public static class MediaKinds
{
    /// <summary>"audio".</summary>
    public const string Audio = "audio";

    /// <summary>"video".</summary>
    public const string Video = "video";

    /// <summary>"application" (data channels over SCTP, RFC 8841).</summary>
    public const string Application = "application";
}
