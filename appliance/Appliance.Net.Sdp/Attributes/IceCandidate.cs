using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Appliance.Net.Sdp.Attributes;

/// <summary>
/// "a=candidate:" (RFC 8839 5.1):
/// "&lt;foundation&gt; &lt;component-id&gt; &lt;transport&gt; &lt;priority&gt; &lt;connection-address&gt; &lt;port&gt;
/// typ &lt;cand-type&gt; [raddr ...] [rport ...] *(extension-att-name extension-att-value)".
/// </summary>
/// <param name="Extensions">Everything after the candidate type (raddr/rport, tcptype, generation, ...), as sent.</param>
public sealed record IceCandidate(
    string Foundation,
    int Component,
    string Transport,
    uint Priority,
    string Address,
    int Port,
    string Type,
    string? Extensions = null)
{
    /// <summary>Parses the attribute value (after "a=candidate:"); a leading "candidate:" is also accepted.</summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out IceCandidate? candidate, out string error)
    {
        candidate = null;
        if (value.StartsWith("candidate:", StringComparison.Ordinal))
        {
            value = value["candidate:".Length..];
        }

        var parts = SdpTokens.Split(value, 9);
        if (parts.Length < 8 || parts[6] != "typ")
        {
            error = "expected '<foundation> <component> <transport> <priority> <address> <port> typ <type>'";
            return false;
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var component) || component is < 1 or > 256)
        {
            error = "component id is not a number from 1 to 256";
            return false;
        }

        if (!uint.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var priority))
        {
            error = "priority is not a 32-bit unsigned number";
            return false;
        }

        if (!int.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            error = "port is not a number from 0 to 65535";
            return false;
        }

        candidate = new IceCandidate(parts[0], component, parts[2], priority, parts[4], port, parts[7], parts.Length == 9 ? parts[8] : null);
        error = string.Empty;
        return true;
    }

    /// <summary>True for a UDP candidate (transport compared case-insensitively: Firefox writes "UDP").</summary>
    public bool IsUdp => string.Equals(Transport, "udp", StringComparison.OrdinalIgnoreCase);

    /// <summary>The attribute value (without "candidate:").</summary>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{Foundation} {Component} {Transport} {Priority} {Address} {Port} typ {Type}");
        return Extensions is null ? text : $"{text} {Extensions}";
    }
}
