namespace Appliance.Net.Rtp;

/// <summary>
/// The negotiated mapping between RFC 8285 local identifiers and extension URIs (SDP <c>a=extmap:id uri</c>,
/// RFC 8285 section 5). Filled on the control path by the SDP layer; looked up per packet without allocating.
/// </summary>
public sealed class RtpHeaderExtensionMap
{
    private readonly string?[] _uris = new string?[256];
    private readonly RtpHeaderExtensionKind[] _kinds = new RtpHeaderExtensionKind[256];
    private readonly byte[] _idsByKind = new byte[Enum.GetValues<RtpHeaderExtensionKind>().Length];

    /// <summary>Maps a known URI to its kind; <see cref="RtpHeaderExtensionKind.None"/> for others.</summary>
    public static RtpHeaderExtensionKind KindOf(string uri) => uri switch
    {
        SdesMidExtension.Uri => RtpHeaderExtensionKind.SdesMid,
        AbsSendTimeExtension.Uri => RtpHeaderExtensionKind.AbsSendTime,
        TransportSequenceNumberExtension.Uri => RtpHeaderExtensionKind.TransportSequenceNumber,
        AudioLevelExtension.Uri => RtpHeaderExtensionKind.AudioLevel,
        _ => RtpHeaderExtensionKind.None,
    };

    /// <summary>
    /// Records <c>a=extmap:<paramref name="id"/> <paramref name="uri"/></c>. Control path: throws for an id
    /// outside 1-255 (1-14 for the one-byte form, RFC 8285 4.2; 1-255 for the two-byte form, RFC 8285 4.3)
    /// or an id already mapped to another URI.
    /// </summary>
    public void Register(int id, string uri)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(id, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(id, 255);
        ArgumentException.ThrowIfNullOrEmpty(uri);
        string? existing = _uris[id];
        if (existing is not null && existing != uri)
        {
            throw new ArgumentException($"Extension id {id} is already mapped to {existing}.", nameof(id));
        }

        _uris[id] = uri;
        RtpHeaderExtensionKind kind = KindOf(uri);
        _kinds[id] = kind;
        if (kind != RtpHeaderExtensionKind.None)
        {
            _idsByKind[(int)kind] = (byte)id;
        }
    }

    /// <summary>Forgets every mapping (renegotiation).</summary>
    public void Clear()
    {
        Array.Clear(_uris);
        Array.Clear(_kinds);
        Array.Clear(_idsByKind);
    }

    /// <summary>The URI mapped to <paramref name="id"/>, or null.</summary>
    public string? GetUri(int id) => (uint)id < 256 ? _uris[id] : null;

    /// <summary>The kind of extension mapped to <paramref name="id"/>.</summary>
    public RtpHeaderExtensionKind GetKind(int id) => (uint)id < 256 ? _kinds[id] : RtpHeaderExtensionKind.None;

    /// <summary>The id of a known extension kind; false when it was not negotiated.</summary>
    public bool TryGetId(RtpHeaderExtensionKind kind, out int id)
    {
        id = (uint)kind < (uint)_idsByKind.Length ? _idsByKind[(int)kind] : 0;
        return id != 0;
    }

    /// <summary>The id mapped to <paramref name="uri"/>; false when absent.</summary>
    public bool TryGetId(string uri, out int id)
    {
        for (id = 1; id < 256; id++)
        {
            if (_uris[id] == uri)
            {
                return true;
            }
        }

        id = 0;
        return false;
    }

    /// <summary>True when every mapped id fits the one-byte form (1-14), so packets can use 0xBEDE.</summary>
    public bool FitsOneByteForm()
    {
        for (int id = RtpHeaderExtensionProfile.OneByteMaxId + 1; id < 256; id++)
        {
            if (_uris[id] is not null)
            {
                return false;
            }
        }

        return true;
    }
}
