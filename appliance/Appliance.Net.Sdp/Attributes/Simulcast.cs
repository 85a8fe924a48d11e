using System.Diagnostics.CodeAnalysis;

namespace Appliance.Net.Sdp.Attributes;

/// <summary>
/// "a=simulcast:" (RFC 8853 5.1): "send &lt;rid list&gt;" and/or "recv &lt;rid list&gt;",
/// e.g. "a=simulcast:send q;h;f". The rid lists are kept as sent.
/// </summary>
public sealed record Simulcast(string? Send, string? Receive)
{
    /// <summary>Parses the attribute value (after "a=simulcast:").</summary>
    public static bool TryParse(string value, [NotNullWhen(true)] out Simulcast? simulcast, out string error)
    {
        simulcast = null;
        var parts = SdpTokens.Split(value);
        string? send = null;
        string? receive = null;
        if (parts.Length is not (2 or 4))
        {
            error = "expected 'send <rids>' and/or 'recv <rids>'";
            return false;
        }

        for (var i = 0; i < parts.Length; i += 2)
        {
            if (parts[i] == "send" && send is null)
            {
                send = parts[i + 1];
            }
            else if (parts[i] == "recv" && receive is null)
            {
                receive = parts[i + 1];
            }
            else
            {
                error = "expected 'send <rids>' and/or 'recv <rids>'";
                return false;
            }
        }

        simulcast = new Simulcast(send, receive);
        error = string.Empty;
        return true;
    }

    /// <summary>The attribute value.</summary>
    public override string ToString() => (Send, Receive) switch
    {
        ({ } s, { } r) => $"send {s} recv {r}",
        ({ } s, null) => $"send {s}",
        (null, { } r) => $"recv {r}",
        _ => string.Empty,
    };
}
