using System.Security.Cryptography;

namespace Appliance.Net.Dtls;

/// <summary>
/// The SHA-256 fingerprint of a DTLS certificate, as carried in SDP's
/// <c>a=fingerprint</c> attribute (W3C <c>RTCDtlsFingerprint</c>).
/// </summary>
/// <remarks>
/// RFC 8122 section 5:
/// <code>
/// attribute   =/ fingerprint-attribute
/// fingerprint-attribute = "fingerprint" ":" hash-func SP fingerprint
/// hash-func   =  "sha-1" / "sha-224" / "sha-256" / "sha-384" / "sha-512" / ...
/// fingerprint =  2UHEX *(":" 2UHEX)
///              ; Each byte in upper-case hex, separated by colons.
/// </code>
/// "A certificate fingerprint is a secure one-way hash of the Distinguished
/// Encoding Rules (DER) form of the certificate." and "A certificate fingerprint
/// MUST be computed using the same one-way hash function as is used in the
/// certificate's signature algorithm." Our certificates are signed with
/// ECDSA-with-SHA256, and every browser sends sha-256: it is the only hash
/// function this type accepts.
/// </remarks>
public sealed class DtlsFingerprint : IEquatable<DtlsFingerprint>
{
    /// <summary>The hash function name used in SDP (RFC 8122 section 5).</summary>
    public const string Sha256Algorithm = "sha-256";

    /// <summary>Length of a SHA-256 digest in bytes.</summary>
    public const int Sha256Length = 32;

    private readonly byte[] _digest;

    private DtlsFingerprint(byte[] digest) => _digest = digest;

    /// <summary>The hash function, always <c>sha-256</c>.</summary>
    public string Algorithm => Sha256Algorithm;

    /// <summary>The 32 digest bytes.</summary>
    public ReadOnlySpan<byte> Digest => _digest;

    /// <summary>The fingerprint of a DER-encoded certificate.</summary>
    public static DtlsFingerprint FromCertificate(ReadOnlySpan<byte> derCertificate) =>
        new(SHA256.HashData(derCertificate));

    /// <summary>Wraps an existing 32-byte SHA-256 digest.</summary>
    public static DtlsFingerprint FromDigest(ReadOnlySpan<byte> sha256Digest)
    {
        if (sha256Digest.Length != Sha256Length)
        {
            throw new ArgumentException($"A SHA-256 digest is {Sha256Length} bytes.", nameof(sha256Digest));
        }

        return new DtlsFingerprint(sha256Digest.ToArray());
    }

    /// <summary>
    /// Parses the value of an SDP fingerprint attribute, e.g.
    /// <c>sha-256 AB:CD:...</c> (the text after <c>a=fingerprint:</c>).
    /// The hash function name is case-insensitive (RFC 8122 section 5); the hex
    /// digits are accepted in either case, since some stacks send lower case.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> sdpValue, out DtlsFingerprint? fingerprint)
    {
        fingerprint = null;
        sdpValue = sdpValue.Trim();
        int space = sdpValue.IndexOf(' ');
        if (space <= 0)
        {
            return false;
        }

        if (!sdpValue[..space].Equals(Sha256Algorithm, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        ReadOnlySpan<char> hex = sdpValue[(space + 1)..].TrimStart();

        // 32 bytes: 32 pairs of hex digits and 31 colons.
        if (hex.Length != (Sha256Length * 3) - 1)
        {
            return false;
        }

        var digest = new byte[Sha256Length];
        for (int i = 0; i < Sha256Length; i++)
        {
            int at = i * 3;
            if (i > 0 && hex[at - 1] != ':')
            {
                return false;
            }

            int high = HexValue(hex[at]);
            int low = HexValue(hex[at + 1]);
            if (high < 0 || low < 0)
            {
                return false;
            }

            digest[i] = (byte)((high << 4) | low);
        }

        fingerprint = new DtlsFingerprint(digest);
        return true;
    }

    /// <summary>
    /// The SDP attribute value: <c>sha-256 AB:CD:...</c>, upper-case hex as
    /// RFC 8122 section 5 requires (prefix it with <c>a=fingerprint:</c>).
    /// </summary>
    public string ToSdpValue() => Sha256Algorithm + " " + ToHexWithColons();

    /// <summary>Only the colon-separated upper-case hex (W3C <c>RTCDtlsFingerprint.value</c>).</summary>
    public string ToHexWithColons() => string.Create((_digest.Length * 3) - 1, _digest, static (span, digest) =>
    {
        const string Digits = "0123456789ABCDEF";
        for (int i = 0; i < digest.Length; i++)
        {
            int at = i * 3;
            if (i > 0)
            {
                span[at - 1] = ':';
            }

            span[at] = Digits[digest[i] >> 4];
            span[at + 1] = Digits[digest[i] & 0xF];
        }
    });

    /// <summary>Constant-time comparison with the digest of a DER certificate.</summary>
    public bool MatchesCertificate(ReadOnlySpan<byte> derCertificate)
    {
        Span<byte> digest = stackalloc byte[Sha256Length];
        SHA256.HashData(derCertificate, digest);
        return CryptographicOperations.FixedTimeEquals(digest, _digest);
    }

    /// <inheritdoc/>
    public bool Equals(DtlsFingerprint? other) =>
        other is not null && CryptographicOperations.FixedTimeEquals(_digest, other._digest);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as DtlsFingerprint);

    /// <inheritdoc/>
    public override int GetHashCode() => BitConverter.ToInt32(_digest, 0);

    /// <inheritdoc/>
    public override string ToString() => ToSdpValue();

    private static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };
}
