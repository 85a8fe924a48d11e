using System.Net;
using System.Security.Cryptography.X509Certificates;
using Appliance.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Appliance.Certificates;

/// <summary>
/// Keeps the box's HTTPS certificate in its state folder (tls/cert.pem and tls/key.pem,
/// the key readable by the service only). On start it reuses the stored certificate
/// unless it is missing, unreadable, about to expire, or no longer names the box's
/// current host name and addresses; then it issues a new one.
/// </summary>
public sealed class CertificateStore
{
    private const UnixFileMode KeyMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode CertificateMode = KeyMode | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly StateDirectory _state;
    private readonly IHostIdentitySource _identity;
    private readonly TimeProvider _time;
    private readonly ILogger<CertificateStore> _logger;
    private readonly TimeSpan _renewBefore;
    private readonly object _gate = new();
    private X509Certificate2? _current;

    public CertificateStore(StateDirectory state, IHostIdentitySource identity, TimeProvider time,
        IOptions<ApplianceOptions> options, ILogger<CertificateStore> logger)
    {
        _state = state;
        _identity = identity;
        _time = time;
        _logger = logger;
        _renewBefore = TimeSpan.FromDays(options.Value.CertificateRenewDays);
    }

    public string CertificatePath => _state.Combine("tls", "cert.pem");
    public string KeyPath => _state.Combine("tls", "key.pem");

    /// <summary>The certificate in use, loading or issuing it on first use.</summary>
    public X509Certificate2 Current
    {
        get
        {
            lock (_gate)
                return _current ??= LoadOrIssue();
        }
    }

    public string Fingerprint => SelfSignedCertificate.Fingerprint(Current);

    /// <summary>Issues a new certificate now (an admin action), replacing the stored one.</summary>
    public X509Certificate2 Reissue()
    {
        lock (_gate)
            return _current = Issue(_identity.Current(), "an administrator asked for a new one");
    }

    private X509Certificate2 LoadOrIssue()
    {
        var identity = _identity.Current();
        var stored = TryLoad();
        if (stored is null)
            return Issue(identity, "none was stored");
        if (stored.NotAfter.ToUniversalTime() - _renewBefore < _time.GetUtcNow().UtcDateTime)
            return Issue(identity, $"the stored one expires on {stored.NotAfter:yyyy-MM-dd}");
        if (!NamesMatch(stored, identity))
            return Issue(identity, "the box's host name or addresses changed");
        _logger.LogInformation("Using the stored HTTPS certificate {Path}, valid until {NotAfter:yyyy-MM-dd}", CertificatePath, stored.NotAfter);
        return stored;
    }

    private X509Certificate2? TryLoad()
    {
        if (!File.Exists(CertificatePath) || !File.Exists(KeyPath))
            return null;
        try
        {
            return X509Certificate2.CreateFromPemFile(CertificatePath, KeyPath);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or ArgumentException or IOException)
        {
            _logger.LogWarning("The stored HTTPS certificate {Path} cannot be read ({Reason}); issuing a new one", CertificatePath, e.Message);
            return null;
        }
    }

    private X509Certificate2 Issue(HostIdentity identity, string reason)
    {
        using var issued = SelfSignedCertificate.Issue(identity, _time);
        Directory.CreateDirectory(_state.Combine("tls"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var key = issued.GetECDsaPrivateKey()!;
        AtomicFile.WriteText(KeyPath, key.ExportPkcs8PrivateKeyPem(), KeyMode);
        AtomicFile.WriteText(CertificatePath, issued.ExportCertificatePem(), CertificateMode);
        _logger.LogInformation("Issued a new HTTPS certificate because {Reason}; it names {Names} and {Addresses}",
            reason, string.Join(", ", identity.DnsNames), string.Join(", ", SelfSignedCertificate.LoopbackAnd(identity.Addresses)));
        // Load it back from the files, so the certificate in use is exactly what is stored.
        return X509Certificate2.CreateFromPemFile(CertificatePath, KeyPath);
    }

    /// <summary>True when the certificate names exactly the identity's DNS names and addresses.</summary>
    public static bool NamesMatch(X509Certificate2 certificate, HostIdentity identity)
    {
        var extension = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        if (extension is null)
            return false;
        var dns = extension.EnumerateDnsNames().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var ips = extension.EnumerateIPAddresses().ToHashSet();
        return dns.SetEquals(identity.DnsNames)
            && ips.SetEquals(SelfSignedCertificate.LoopbackAnd(identity.Addresses));
    }
}
