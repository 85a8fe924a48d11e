using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Appliance.Net.Sdp.Attributes;

/// <summary>
/// "a=fingerprint:&lt;hash-func&gt; &lt;fingerprint&gt;" (RFC 8122 5), e.g.
/// "a=fingerprint:sha-256 30:00:77:...": the hash of the peer's DTLS certificate.
/// </summary>
/// <remarks>
/// RFC 8122 5: "fingerprint = 2UHEX *(":" 2UHEX)"; "hash-func" is a token such as "sha-256".
/// The hex is written in upper case, as the RFC's grammar says, and read in either case.
/// </remarks>
public sealed class Fingerprint : IEquatable<Fingerprint>
{
    /// <summary>The hash function name used by browsers and the box.</summary>
    public const string Sha256 = "sha-256";

    /// <summary>Creates a fingerprint from the hash function name and the digest bytes.</summary>
    public Fingerprint(string algorithm, byte[] value)
    {
        Algorithm = algorithm;
        Value = value;
    }

    /// <summary>The hash function, e.g. "sha-256" (compared case-insensitively).</summary>
    public string Algorithm { get; }

    /// <summary>The certificate digest.</summary>
    public byte[] Value { get; }

    /// <summary>Parses the attribute value (after "a=fingerprint:").</summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out Fingerprint? fingerprint, out string error)
    {
        fingerprint = null;
        var parts = SdpTokens.Split(value);
        if (parts.Length != 2 || !SdpTokens.IsToken(parts[0]))
        {
            error = "expected '<hash function> <hex:hex:...>'";
            return false;
        }

        var hex = parts[1];
        // Each byte is two hex digits, bytes separated by ':', at most 64 bytes (sha-512).
        if (hex.Length % 3 != 2 || hex.Length > 64 * 3)
        {
            error = "fingerprint is not colon-separated pairs of hex digits";
            return false;
        }

        var bytes = new byte[(hex.Length + 1) / 3];
        for (var i = 0; i < bytes.Length; i++)
        {
            var at = i * 3;
            if ((at + 2 < hex.Length && hex[at + 2] != ':')
                || !byte.TryParse(hex.AsSpan(at, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out bytes[i]))
            {
                error = "fingerprint is not colon-separated pairs of hex digits";
                return false;
            }
        }

        fingerprint = new Fingerprint(parts[0], bytes);
        error = string.Empty;
        return true;
    }

    /// <summary>True when this is the named hash function (RFC 8122 5: case-insensitive).</summary>
    public bool IsAlgorithm(string algorithm) => string.Equals(Algorithm, algorithm, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc/>
    public bool Equals(Fingerprint? other) =>
        other is not null && IsAlgorithm(other.Algorithm) && Value.AsSpan().SequenceEqual(other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Fingerprint);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Algorithm.ToLowerInvariant(), Value.Length);

    /// <summary>The attribute value, e.g. "sha-256 AB:CD:...".</summary>
    public override string ToString()
    {
        var text = new StringBuilder(Algorithm.Length + 1 + Value.Length * 3);
        text.Append(Algorithm).Append(' ');
        for (var i = 0; i < Value.Length; i++)
        {
            if (i > 0)
            {
                text.Append(':');
            }

            text.Append(Value[i].ToString("X2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
