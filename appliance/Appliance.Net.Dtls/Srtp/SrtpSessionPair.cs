namespace Appliance.Net.Srtp;

/// <summary>
/// The two SRTP sessions of one peer connection: <see cref="Outbound"/> protects
/// what we send with our write key, <see cref="Inbound"/> unprotects what the peer
/// sends with its write key (RFC 5764 section 4.2). Owns and disposes both.
/// </summary>
public sealed class SrtpSessionPair : IDisposable
{
    private SrtpSessionPair(SrtpSession outbound, SrtpSession inbound)
    {
        Outbound = outbound;
        Inbound = inbound;
    }

    /// <summary>Protects our RTP/RTCP (use from the sending thread).</summary>
    public SrtpSession Outbound { get; }

    /// <summary>Unprotects the peer's SRTP/SRTCP (use from the receiving thread).</summary>
    public SrtpSession Inbound { get; }

    /// <summary>The negotiated protection profile.</summary>
    public SrtpProtectionProfile Profile => Outbound.Profile;

    /// <summary>Creates both sessions from the local and remote write keys.</summary>
    public static SrtpSessionPair Create(
        SrtpProtectionProfile profile,
        ReadOnlySpan<byte> localMasterKey,
        ReadOnlySpan<byte> localMasterSalt,
        ReadOnlySpan<byte> remoteMasterKey,
        ReadOnlySpan<byte> remoteMasterSalt)
    {
        SrtpSession outbound = SrtpSession.Create(profile, SrtpDirection.Outbound, localMasterKey, localMasterSalt);
        try
        {
            SrtpSession inbound = SrtpSession.Create(profile, SrtpDirection.Inbound, remoteMasterKey, remoteMasterSalt);
            return new SrtpSessionPair(outbound, inbound);
        }
        catch
        {
            outbound.Dispose();
            throw;
        }
    }

    /// <summary>Frees both native sessions.</summary>
    public void Dispose()
    {
        Outbound.Dispose();
        Inbound.Dispose();
    }
}
