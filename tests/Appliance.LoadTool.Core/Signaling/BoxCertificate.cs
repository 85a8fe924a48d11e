using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Appliance.LoadTool.Signaling;

/// <summary>
/// Which HTTPS certificate the tool accepts from the box: the one with a given SHA-256 fingerprint (read from the
/// box's state folder, tls/cert.pem, or given by the user as the box prints it), or any when asked to.
/// </summary>
public sealed class BoxCertificate
{
    private readonly byte[]? _sha256;

    private BoxCertificate(byte[]? sha256) => _sha256 = sha256;

    /// <summary>Accepts whatever certificate the box shows (a box on a trusted test network).</summary>
    public static BoxCertificate Any { get; } = new(null);

    /// <summary>Accepts only the certificate whose SHA-256 fingerprint is <paramref name="hex"/> ("21:5E:…" or plain hex).</summary>
    public static BoxCertificate WithFingerprint(string hex) =>
        new(Convert.FromHexString(hex.Replace(":", "", StringComparison.Ordinal).Trim()));

    public static BoxCertificate Of(X509Certificate2 certificate) => new(certificate.GetCertHash(HashAlgorithmName.SHA256));

    /// <summary>The certificate a box keeps in its state folder.</summary>
    public static BoxCertificate FromStateDirectory(string stateDirectory)
    {
        string pem = File.ReadAllText(Path.Combine(stateDirectory, "tls", "cert.pem"));
        PemFields fields = PemEncoding.Find(pem);
        byte[] der = Convert.FromBase64String(pem[fields.Base64Data]);
        return new BoxCertificate(SHA256.HashData(der));
    }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) =>
        certificate is not null && (_sha256 is null || certificate.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(_sha256));

    /// <summary>An HTTP client for the box's /healthz and /metrics that trusts this certificate.</summary>
    public HttpClient CreateHttpClient(Uri boxBase) => new(new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = Validate },
    }) { BaseAddress = boxBase, Timeout = TimeSpan.FromSeconds(30) };
}
