using System.Security.Cryptography;
using System.Text;
using Konscious.Security.Cryptography;

namespace Appliance.Admin.Account;

/// <summary>
/// An Argon2id password hash (RFC 9106) with its salt and parameters, as stored in the state
/// folder. The parameters follow OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane),
/// which a Raspberry Pi 4 computes in well under a second.
/// </summary>
public sealed record PasswordHash(string Salt, string Hash, int MemoryKiB, int Iterations, int Parallelism)
{
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static PasswordHash Create(string password, int memoryKiB = 19 * 1024, int iterations = 2, int parallelism = 1)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Compute(password, salt, memoryKiB, iterations, parallelism);
        return new PasswordHash(Convert.ToBase64String(salt), Convert.ToBase64String(hash), memoryKiB, iterations, parallelism);
    }

    public bool Verify(string password)
    {
        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(Salt);
            expected = Convert.FromBase64String(Hash);
        }
        catch (FormatException)
        {
            return false;
        }
        var actual = Compute(password, salt, MemoryKiB, Iterations, Parallelism);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static byte[] Compute(string password, byte[] salt, int memoryKiB, int iterations, int parallelism)
    {
        using var argon = new Argon2id(Encoding.UTF8.GetBytes(password))
        {
            Salt = salt,
            MemorySize = memoryKiB,
            Iterations = iterations,
            DegreeOfParallelism = parallelism,
        };
        return argon.GetBytes(HashBytes);
    }
}
