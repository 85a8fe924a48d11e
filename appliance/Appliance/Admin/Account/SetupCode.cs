using System.Security.Cryptography;

namespace Appliance.Admin.Account;

/// <summary>
/// The one-time code that claims an unclaimed box: eight characters from an alphabet
/// without look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX; 31^8 ≈ 8.5·10^11 possibilities,
/// and guesses are limited per address.
/// </summary>
public static class SetupCode
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New()
    {
        Span<char> code = stackalloc char[9];
        for (var i = 0; i < code.Length; i++)
            code[i] = i == 4 ? '-' : Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(code);
    }

    /// <summary>True when <paramref name="typed"/> is the code, ignoring case, spaces and dashes.</summary>
    public static bool Matches(string expected, string typed)
    {
        var a = System.Text.Encoding.ASCII.GetBytes(Canonical(expected));
        var b = System.Text.Encoding.ASCII.GetBytes(Canonical(typed));
        return CryptographicOperations.FixedTimeEquals(a, b);
    }

    private static string Canonical(string code) =>
        new(code.Where(c => c is not ('-' or ' ') && c < 128).Select(char.ToUpperInvariant).ToArray());
}
