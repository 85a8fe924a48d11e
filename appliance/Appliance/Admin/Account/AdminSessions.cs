using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Appliance.Admin.Account;

/// <summary>
/// Signed-in admin sessions. The cookie holds a random 256-bit token; the box keeps only its
/// SHA-256, so a memory dump or log never holds a usable token. A session ends after an hour
/// without use or twelve hours in all, at sign-out, password change and factory reset, and
/// when the service restarts.
/// </summary>
public sealed class AdminSessions(TimeProvider time)
{
    public const string CookieName = "appliance-admin";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(1);
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromHours(12);

    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    /// <summary>Starts a session; the returned token goes into the cookie and nowhere else.</summary>
    public string Start()
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        _sessions[Key(token)] = new Session { Started = now, LastUsed = now };
        return token;
    }

    /// <summary>True when the token belongs to a live session, which it then keeps alive.</summary>
    public bool Touch(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 64)
            return false;
        var key = Key(token);
        if (!_sessions.TryGetValue(key, out var session))
            return false;
        var now = time.GetUtcNow();
        lock (session)
        {
            if (now - session.LastUsed > IdleTimeout || now - session.Started > MaxLifetime)
            {
                _sessions.TryRemove(key, out _);
                return false;
            }
            session.LastUsed = now;
            return true;
        }
    }

    public void End(string? token)
    {
        if (!string.IsNullOrEmpty(token))
            _sessions.TryRemove(Key(token), out _);
    }

    public void EndAll() => _sessions.Clear();

    private static string Key(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private sealed class Session
    {
        public DateTimeOffset Started;
        public DateTimeOffset LastUsed;
    }
}
