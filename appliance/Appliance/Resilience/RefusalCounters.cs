using System.Collections.Concurrent;

namespace Appliance.Resilience;

/// <summary>
/// Every kind of input the box refused or dropped (hostile or broken clients), by name, as
/// counts that only grow. Some kinds are counted here (signaling limits); the others are read
/// from where the packet path already counts them (the ICE agent, the media port), so the
/// packet path pays nothing more. /metrics exports them as appliance_refused_total{kind};
/// <see cref="RefusalReporter"/> logs one line per kind per interval.
/// </summary>
public sealed class RefusalCounters
{
    private readonly ConcurrentDictionary<string, Func<long>> _sources = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, StrongBox> _counted = new(StringComparer.Ordinal);

    /// <summary>A kind counted elsewhere, read when a snapshot is taken.</summary>
    public void Register(string kind, Func<long> read) => _sources[kind] = read;

    /// <summary>One more refusal of a kind counted here.</summary>
    public void Increment(string kind)
    {
        var box = _counted.GetOrAdd(kind, static k => new StrongBox());
        Interlocked.Increment(ref box.Value);
    }

    public long this[string kind] => Snapshot().GetValueOrDefault(kind);

    public IReadOnlyDictionary<string, long> Snapshot()
    {
        var result = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (kind, read) in _sources)
            result[kind] = read();
        foreach (var (kind, box) in _counted)
            result[kind] = Interlocked.Read(ref box.Value);
        return result;
    }

    private sealed class StrongBox
    {
        public long Value;
    }
}

/// <summary>The names of the kinds of refused input, as /metrics and the log show them.</summary>
public static class RefusalKinds
{
    public const string SignalingMalformed = "signaling-malformed";
    public const string SignalingTooLarge = "signaling-too-large";
    public const string SignalingFlood = "signaling-flood";
    public const string SignalingConnectionsPerAddress = "signaling-connections-per-address";
    public const string StunMalformed = "stun-malformed";
    public const string StunBadFingerprint = "stun-bad-fingerprint";
    public const string StunBadMessageIntegrity = "stun-bad-message-integrity";
    public const string StunUnknownUfrag = "stun-unknown-ufrag";
    public const string StunBadRequest = "stun-bad-request";
    public const string DtlsFingerprintMismatch = "dtls-fingerprint-mismatch";
    public const string DtlsHandshakeFailed = "dtls-handshake-failed";
    public const string SrtpUnprotectFailed = "srtp-unprotect-failed";
    public const string RtpUnknownSsrc = "rtp-unknown-ssrc";
    public const string RtpMalformed = "rtp-malformed";
    public const string MediaUnroutable = "media-unroutable";
}
