using Appliance.Net.Srtp;

namespace Appliance.Net.Dtls;

/// <summary>
/// The SRTP master keys and salts exported from a completed DTLS handshake, and the
/// protection profile negotiated with use_srtp.
/// </summary>
/// <remarks>
/// RFC 5764 section 4.2: keying material of 2 * (SRTPSecurityParams.master_key_len +
/// SRTPSecurityParams.master_salt_len) bytes is exported with the label
/// "EXTRACTOR-dtls_srtp" and no context, and partitioned as
/// <code>
/// client_write_SRTP_master_key[SRTPSecurityParams.master_key_len];
/// server_write_SRTP_master_key[SRTPSecurityParams.master_key_len];
/// client_write_SRTP_master_salt[SRTPSecurityParams.master_salt_len];
/// server_write_SRTP_master_salt[SRTPSecurityParams.master_salt_len];
/// </code>
/// The client protects what it sends with the client write key and salt, the server
/// with the server write ones; each unprotects with the other side's.
/// </remarks>
public sealed class DtlsSrtpKeys
{
    /// <summary>The exporter label of RFC 5764 section 4.2.</summary>
    public const string ExporterLabel = "EXTRACTOR-dtls_srtp";

    private readonly byte[] _material;

    private DtlsSrtpKeys(SrtpProtectionProfile profile, DtlsRole role, byte[] material)
    {
        Profile = profile;
        Role = role;
        _material = material;
    }

    /// <summary>The negotiated SRTP protection profile.</summary>
    public SrtpProtectionProfile Profile { get; }

    /// <summary>Our role in the handshake, which decides which keys are ours.</summary>
    public DtlsRole Role { get; }

    private int KeyLength => Profile.MasterKeyLength();

    private int SaltLength => Profile.MasterSaltLength();

    /// <summary>The DTLS client's SRTP write master key.</summary>
    public ReadOnlySpan<byte> ClientWriteMasterKey => _material.AsSpan(0, KeyLength);

    /// <summary>The DTLS server's SRTP write master key.</summary>
    public ReadOnlySpan<byte> ServerWriteMasterKey => _material.AsSpan(KeyLength, KeyLength);

    /// <summary>The DTLS client's SRTP write master salt.</summary>
    public ReadOnlySpan<byte> ClientWriteMasterSalt => _material.AsSpan(2 * KeyLength, SaltLength);

    /// <summary>The DTLS server's SRTP write master salt.</summary>
    public ReadOnlySpan<byte> ServerWriteMasterSalt => _material.AsSpan((2 * KeyLength) + SaltLength, SaltLength);

    /// <summary>The key that protects what we send.</summary>
    public ReadOnlySpan<byte> LocalMasterKey => Role == DtlsRole.Client ? ClientWriteMasterKey : ServerWriteMasterKey;

    /// <summary>The salt that goes with <see cref="LocalMasterKey"/>.</summary>
    public ReadOnlySpan<byte> LocalMasterSalt => Role == DtlsRole.Client ? ClientWriteMasterSalt : ServerWriteMasterSalt;

    /// <summary>The key that protects what the peer sends.</summary>
    public ReadOnlySpan<byte> RemoteMasterKey => Role == DtlsRole.Client ? ServerWriteMasterKey : ClientWriteMasterKey;

    /// <summary>The salt that goes with <see cref="RemoteMasterKey"/>.</summary>
    public ReadOnlySpan<byte> RemoteMasterSalt => Role == DtlsRole.Client ? ServerWriteMasterSalt : ClientWriteMasterSalt;

    /// <summary>How many bytes to export for a profile: 2 * (key length + salt length).</summary>
    public static int KeyingMaterialLength(SrtpProtectionProfile profile) =>
        2 * (profile.MasterKeyLength() + profile.MasterSaltLength());

    /// <summary>Splits exported keying material as RFC 5764 section 4.2 lays it out.</summary>
    public static DtlsSrtpKeys FromKeyingMaterial(SrtpProtectionProfile profile, DtlsRole role, ReadOnlySpan<byte> material)
    {
        if (material.Length != KeyingMaterialLength(profile))
        {
            throw new ArgumentException(
                $"{profile} needs {KeyingMaterialLength(profile)} bytes of keying material.", nameof(material));
        }

        return new DtlsSrtpKeys(profile, role, material.ToArray());
    }

    /// <summary>Creates the outbound and inbound SRTP sessions for these keys.</summary>
    public SrtpSessionPair CreateSrtpSessions() =>
        SrtpSessionPair.Create(Profile, LocalMasterKey, LocalMasterSalt, RemoteMasterKey, RemoteMasterSalt);
}
