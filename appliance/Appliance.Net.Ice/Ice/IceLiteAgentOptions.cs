namespace Appliance.Net.Ice;

/// <summary>Settings of the <see cref="IceLiteAgent"/>.</summary>
public sealed class IceLiteAgentOptions
{
    /// <summary>
    /// RFC 7675 section 5.1: consent expires when no valid check arrived for this long. Default 30 s
    /// (browsers send a consent check about every 5 s).
    /// </summary>
    public TimeSpan ConsentTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the agent looks for expired consent. Default 1 s.</summary>
    public TimeSpan ConsentSweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Answer a check with a wrong MESSAGE-INTEGRITY with 401 (RFC 8489 section 9.1.3) rather than
    /// dropping it silently. Default true.
    /// </summary>
    public bool RespondUnauthenticated { get; set; } = true;

    /// <summary>Optional SOFTWARE attribute for responses (RFC 8489 section 14.14); null sends none.</summary>
    public string? Software { get; set; }
}
