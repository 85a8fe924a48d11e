using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Appliance.Net.Ice;

/// <summary>
/// One ICE candidate as the SDP a=candidate attribute carries it (RFC 8839 section 5.1), the
/// same text as the W3C <c>RTCIceCandidate.candidate</c>.
/// </summary>
/// <remarks>
/// <code>
/// candidate-attribute   = "candidate" ":" foundation SP component-id SP
///                         transport SP priority SP
///                         connection-address SP port
///                         SP cand-type
///                         [SP rel-addr] [SP rel-port]
///                         *(SP cand-extension)
/// foundation            = 1*32ice-char
/// component-id          = 1*3DIGIT
/// priority              = 1*10DIGIT
/// cand-type             = "typ" SP candidate-types
/// rel-addr              = "raddr" SP connection-address
/// rel-port              = "rport" SP port
/// cand-extension        = extension-att-name SP extension-att-value
/// </code>
/// A browser's host candidate may carry an mDNS name ("….local") as its connection-address; it is
/// kept as text and never resolved: an ICE-lite agent learns the real address from the checks.
/// </remarks>
public sealed record IceCandidate
{
    public required string Foundation { get; init; }

    public int ComponentId { get; init; } = 1;

    /// <summary>"udp" for every candidate the box uses (the SDP token is case-insensitive).</summary>
    public string Transport { get; init; } = "udp";

    public uint Priority { get; init; }

    /// <summary>An IP address literal or an FQDN (e.g. an mDNS "….local" name).</summary>
    public required string Address { get; init; }

    public int Port { get; init; }

    public IceCandidateType Type { get; init; } = IceCandidateType.Host;

    public string? RelatedAddress { get; init; }

    public int? RelatedPort { get; init; }

    /// <summary>Extension attributes in order (e.g. "generation" "0", "network-id" "1", "tcptype" "passive").</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Extensions { get; init; } = [];

    /// <summary>True if the address is an mDNS name (draft-ietf-mmusic-mdns-ice-candidates), not an IP.</summary>
    public bool IsMdns => Address.EndsWith(".local", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Parses "candidate:…", also accepting a leading "a=" (an SDP line). Returns false for any
    /// text that does not follow the grammar; never throws.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IceCandidate? candidate)
    {
        candidate = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        ReadOnlySpan<char> line = text.AsSpan().Trim();
        if (line.StartsWith("a=", StringComparison.Ordinal))
        {
            line = line[2..];
        }

        if (!line.StartsWith("candidate:", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string[] fields = line["candidate:".Length..].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 8
            || fields[0].Length is 0 or > 32
            || !TryParseNumber(fields[1], 3, out int componentId) || componentId is < 1 or > 256
            || !TryParseUInt(fields[3], out uint priority)
            || !TryParsePort(fields[5], out int port)
            || fields[6] != "typ"
            || !TryParseType(fields[7], out IceCandidateType type))
        {
            return false;
        }

        string? relatedAddress = null;
        int? relatedPort = null;
        var extensions = new List<KeyValuePair<string, string>>();
        for (int i = 8; i < fields.Length; i += 2)
        {
            if (i + 1 >= fields.Length)
            {
                return false; // a name without a value
            }

            string name = fields[i];
            string value = fields[i + 1];
            if (name == "raddr" && relatedAddress is null && extensions.Count == 0)
            {
                relatedAddress = value;
            }
            else if (name == "rport" && relatedPort is null && extensions.Count == 0)
            {
                if (!TryParsePort(value, out int rport))
                {
                    return false;
                }

                relatedPort = rport;
            }
            else
            {
                extensions.Add(new(name, value));
            }
        }

        candidate = new IceCandidate
        {
            Foundation = fields[0],
            ComponentId = componentId,
            Transport = fields[2],
            Priority = priority,
            Address = fields[4],
            Port = port,
            Type = type,
            RelatedAddress = relatedAddress,
            RelatedPort = relatedPort,
            Extensions = extensions,
        };
        return true;
    }

    /// <summary>The "candidate:…" text (without "a="), as an SDP attribute value or for RTCIceCandidate.</summary>
    public override string ToString()
    {
        var text = new StringBuilder("candidate:")
            .Append(Foundation).Append(' ')
            .Append(ComponentId.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(Transport).Append(' ')
            .Append(Priority.ToString(CultureInfo.InvariantCulture)).Append(' ')
            .Append(Address).Append(' ')
            .Append(Port.ToString(CultureInfo.InvariantCulture))
            .Append(" typ ").Append(TypeName(Type));
        if (RelatedAddress is not null)
        {
            text.Append(" raddr ").Append(RelatedAddress);
        }

        if (RelatedPort is int relatedPort)
        {
            text.Append(" rport ").Append(relatedPort.ToString(CultureInfo.InvariantCulture));
        }

        foreach (KeyValuePair<string, string> extension in Extensions)
        {
            text.Append(' ').Append(extension.Key).Append(' ').Append(extension.Value);
        }

        return text.ToString();
    }

    /// <summary>Structural equality, extensions included (a record compares the list by reference).</summary>
    public bool Equals(IceCandidate? other)
        => other is not null
            && Foundation == other.Foundation
            && ComponentId == other.ComponentId
            && string.Equals(Transport, other.Transport, StringComparison.OrdinalIgnoreCase)
            && Priority == other.Priority
            && Address == other.Address
            && Port == other.Port
            && Type == other.Type
            && RelatedAddress == other.RelatedAddress
            && RelatedPort == other.RelatedPort
            && Extensions.SequenceEqual(other.Extensions);

    public override int GetHashCode() => HashCode.Combine(Foundation, ComponentId, Priority, Address, Port, Type);

    /// <summary>The SDP token of a candidate type (RFC 8839 section 5.1).</summary>
    public static string TypeName(IceCandidateType type) => type switch
    {
        IceCandidateType.Host => "host",
        IceCandidateType.ServerReflexive => "srflx",
        IceCandidateType.PeerReflexive => "prflx",
        _ => "relay",
    };

    private static bool TryParseType(string token, out IceCandidateType type)
    {
        switch (token)
        {
            case "host": type = IceCandidateType.Host; return true;
            case "srflx": type = IceCandidateType.ServerReflexive; return true;
            case "prflx": type = IceCandidateType.PeerReflexive; return true;
            case "relay": type = IceCandidateType.Relay; return true;
            default: type = default; return false;
        }
    }

    private static bool TryParseNumber(string text, int maxDigits, out int value)
    {
        value = 0;
        return text.Length is > 0 && text.Length <= maxDigits
            && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseUInt(string text, out uint value)
    {
        value = 0;
        return text.Length is > 0 and <= 10
            && text.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0
            && uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParsePort(string text, out int port)
        => TryParseNumber(text, 5, out port) && port <= 65535;
}
