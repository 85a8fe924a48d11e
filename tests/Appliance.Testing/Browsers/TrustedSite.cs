using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Appliance.Testing.Browsers;

/// <summary>
/// The one HTTPS site a test browser trusts: the box at <see cref="BaseAddress"/>,
/// presenting its own self-signed <see cref="Certificate"/>. Any other certificate
/// still fails in the browser as it would for a user.
/// </summary>
public sealed record TrustedSite(Uri BaseAddress, X509Certificate2 Certificate)
{
    /// <summary>
    /// base64(SHA-256(SubjectPublicKeyInfo)): the form Chromium's
    /// <c>--ignore-certificate-errors-spki-list</c> takes (the same pin as RFC 7469's pin-sha256).
    /// </summary>
    public string SpkiSha256Base64 =>
        Convert.ToBase64String(SHA256.HashData(Certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    /// <summary>SHA-256 of the whole certificate as Firefox shows it: upper-case hex pairs joined by colons.</summary>
    public string Sha256Fingerprint =>
        string.Join(':', Convert.ToHexString(Certificate.GetCertHash(HashAlgorithmName.SHA256)).Chunk(2).Select(pair => new string(pair)));
}
