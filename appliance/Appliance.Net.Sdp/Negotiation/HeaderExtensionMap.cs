namespace Appliance.Net.Sdp.Negotiation;

/// <summary>
/// The negotiated RTP header extension ids of one m= section (RFC 8285 5: the id is local to the
/// session description). The RTP layer looks up extensions by id.
/// </summary>
public sealed class HeaderExtensionMap
{
    private readonly Dictionary<int, string> byId;

    /// <summary>Builds the map from id/URI pairs.</summary>
    public HeaderExtensionMap(IEnumerable<KeyValuePair<int, string>> extensions)
    {
        byId = new Dictionary<int, string>(extensions);
    }

    /// <summary>An empty map.</summary>
    public static HeaderExtensionMap Empty { get; } = new([]);

    /// <summary>Every negotiated extension: id to URI.</summary>
    public IReadOnlyDictionary<int, string> ById => byId;

    /// <summary>The id of the "sdes:mid" extension (RFC 8843 15.1), or null.</summary>
    public int? Mid => IdOf(HeaderExtensionUris.Mid);

    /// <summary>The id of "abs-send-time", or null.</summary>
    public int? AbsSendTime => IdOf(HeaderExtensionUris.AbsSendTime);

    /// <summary>The id of the transport-wide sequence number, or null.</summary>
    public int? TransportWideCc => IdOf(HeaderExtensionUris.TransportWideCc);

    /// <summary>The id of "ssrc-audio-level" (RFC 6464), or null.</summary>
    public int? AudioLevel => IdOf(HeaderExtensionUris.SsrcAudioLevel);

    /// <summary>The id negotiated for <paramref name="uri"/>, or null.</summary>
    public int? IdOf(string uri)
    {
        foreach (var (id, u) in byId)
        {
            if (u == uri)
            {
                return id;
            }
        }

        return null;
    }
}
