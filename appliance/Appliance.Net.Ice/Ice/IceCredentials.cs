using System.Security.Cryptography;

namespace Appliance.Net.Ice;

/// <summary>
/// An ICE username fragment and password (the SDP's a=ice-ufrag and a=ice-pwd).
/// </summary>
/// <remarks>
/// RFC 8839 section 5.4: <c>ice-pwd-att = "ice-pwd:" password; ice-ufrag-att = "ice-ufrag:" ufrag;
/// password = 22*256ice-char; ufrag = 4*256ice-char</c>, with
/// <c>ice-char = ALPHA / DIGIT / "+" / "/"</c>. RFC 8445 section 5.3: the ufrag must carry at
/// least 24 bits and the password at least 128 bits of randomness; 8 and 24 characters of a
/// 64-character alphabet give 48 and 144 bits.
/// </remarks>
public sealed record IceCredentials
{
    public const int GeneratedUfragLength = 8;
    public const int GeneratedPasswordLength = 24;

    private const string IceChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    public IceCredentials(string ufrag, string password)
    {
        if (!IsValidUfrag(ufrag))
        {
            throw new ArgumentException("An ICE ufrag is 4-256 ice-chars (RFC 8839 section 5.4).", nameof(ufrag));
        }

        if (!IsValidPassword(password))
        {
            throw new ArgumentException("An ICE password is 22-256 ice-chars (RFC 8839 section 5.4).", nameof(password));
        }

        Ufrag = ufrag;
        Password = password;
    }

    public string Ufrag { get; }

    public string Password { get; }

    /// <summary>Fresh credentials from a cryptographically secure random source.</summary>
    public static IceCredentials Generate()
        => new(
            RandomNumberGenerator.GetString(IceChars, GeneratedUfragLength),
            RandomNumberGenerator.GetString(IceChars, GeneratedPasswordLength));

    public static bool IsValidUfrag(string? ufrag) => IsIceChars(ufrag, 4);

    public static bool IsValidPassword(string? password) => IsIceChars(password, 22);

    /// <summary>Keeps the password out of logs.</summary>
    public override string ToString() => $"ufrag {Ufrag}";

    private static bool IsIceChars(string? text, int minimumLength)
        => text is not null
            && text.Length >= minimumLength
            && text.Length <= 256
            && text.AsSpan().IndexOfAnyExcept(IceChars) < 0;
}
