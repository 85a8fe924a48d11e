namespace Appliance.Net.Sdp.Model;

/// <summary>
/// The "o=" line (RFC 8866 5.2):
/// "o=&lt;username&gt; &lt;sess-id&gt; &lt;sess-version&gt; &lt;nettype&gt; &lt;addrtype&gt; &lt;unicast-address&gt;".
/// </summary>
/// <param name="SessionId">Kept as the digit string sent: RFC 8866 allows more digits than 64 bits hold.</param>
/// <param name="SessionVersion">RFC 3264 section 8: incremented each time the description changes.</param>
public sealed record Origin(
    string Username,
    string SessionId,
    ulong SessionVersion,
    string NetType,
    string AddrType,
    string UnicastAddress);
