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
/// A kill or power cut while a new one is written must never leave a key and a certificate
/// that do not belong together: key.pem holds the key and its certificate, written in one
/// atomic step, and is what the box loads; cert.pem is the public copy, written after it
/// and repaired from key.pem when a cut came between the two.
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
        if (!File.Exists(KeyPath))
            return null;
        try
        {
            // Older versions kept the key alone in key.pem; its certificate is then in cert.pem.
            if (!File.ReadAllText(KeyPath).Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
                return File.Exists(CertificatePath) ? X509Certificate2.CreateFromPemFile(CertificatePath, KeyPath) : null;
            var stored = X509Certificate2.CreateFromPemFile(KeyPath, KeyPath);
            RepairPublicCopy(stored);
            return stored;
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
        var certificatePem = issued.ExportCertificatePem();
        // The one step that replaces the certificate: the key and its certificate together.
        AtomicFile.WriteText(KeyPath, key.ExportPkcs8PrivateKeyPem() + "\n" + certificatePem + "\n", KeyMode);
        AtomicFile.WriteText(CertificatePath, certificatePem + "\n", CertificateMode);
        _logger.LogInformation("Issued a new HTTPS certificate because {Reason}; it names {Names} and {Addresses}",
            reason, string.Join(", ", identity.DnsNames), string.Join(", ", SelfSignedCertificate.LoopbackAnd(identity.Addresses)));
        // Load it back from the file, so the certificate in use is exactly what is stored.
        return X509Certificate2.CreateFromPemFile(KeyPath, KeyPath);
    }

    /// <summary>Rewrites cert.pem when it is missing or is not key.pem's certificate (a cut between the two writes).</summary>
    private void RepairPublicCopy(X509Certificate2 stored)
    {
        var expected = stored.ExportCertificatePem() + "\n";
        if (File.Exists(CertificatePath) && File.ReadAllText(CertificatePath) == expected)
            return;
        _logger.LogWarning("The public copy {Path} of the HTTPS certificate did not match the stored key; rewriting it", CertificatePath);
        AtomicFile.WriteText(CertificatePath, expected, CertificateMode);
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
