namespace Appliance.Net.Sdp.Attributes;

/// <summary>
/// The media direction attributes (RFC 8866 6.7: "a=recvonly", "a=sendrecv", "a=sendonly", "a=inactive"),
/// as seen by the endpoint that wrote the description.
/// </summary>
public enum MediaDirection
{
    /// <summary>"sendrecv": the default when absent (RFC 8866 6.7.2).</summary>
    SendRecv,

    /// <summary>"sendonly".</summary>
    SendOnly,

    /// <summary>"recvonly".</summary>
    RecvOnly,

    /// <summary>"inactive".</summary>
    Inactive,
}

/// <summary>SDP spellings of <see cref="MediaDirection"/> and the rules between them.</summary>
public static class MediaDirectionNames
{
    /// <summary>The attribute name, e.g. "sendrecv".</summary>
    public static string ToSdpName(this MediaDirection direction) => direction switch
    {
        MediaDirection.SendOnly => "sendonly",
        MediaDirection.RecvOnly => "recvonly",
        MediaDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    /// <summary>Reads an attribute name; false when it is not a direction.</summary>
    public static bool TryParse(string name, out MediaDirection direction)
    {
        switch (name)
        {
            case "sendrecv": direction = MediaDirection.SendRecv; return true;
            case "sendonly": direction = MediaDirection.SendOnly; return true;
            case "recvonly": direction = MediaDirection.RecvOnly; return true;
            case "inactive": direction = MediaDirection.Inactive; return true;
            default: direction = default; return false;
        }
    }

    /// <summary>True when the endpoint that wrote this direction sends media.</summary>
    public static bool Sends(this MediaDirection direction) => direction is MediaDirection.SendRecv or MediaDirection.SendOnly;

    /// <summary>True when the endpoint that wrote this direction receives media.</summary>
    public static bool Receives(this MediaDirection direction) => direction is MediaDirection.SendRecv or MediaDirection.RecvOnly;

    /// <summary>Builds a direction from what the writer sends and receives.</summary>
    public static MediaDirection From(bool sends, bool receives) => (sends, receives) switch
    {
        (true, true) => MediaDirection.SendRecv,
        (true, false) => MediaDirection.SendOnly,
        (false, true) => MediaDirection.RecvOnly,
        _ => MediaDirection.Inactive,
    };

    /// <summary>
    /// The answer's direction given the offer's and what the answerer wants.
    /// RFC 3264 section 6.1: "If a stream is offered as sendonly, the corresponding stream MUST be
    /// marked as recvonly or inactive in the answer. If a media stream is listed as recvonly in the
    /// offer, the answer MUST be marked as sendonly or inactive in the answer. If an offered media
    /// stream is listed as sendrecv (or if there is no direction attribute ...), the answer MAY be
    /// marked as sendonly, recvonly, sendrecv, or inactive."
    /// </summary>
    public static MediaDirection Answer(MediaDirection offered, bool answererWantsToSend, bool answererWantsToReceive) =>
        From(answererWantsToSend && offered.Receives(), answererWantsToReceive && offered.Sends());
}
