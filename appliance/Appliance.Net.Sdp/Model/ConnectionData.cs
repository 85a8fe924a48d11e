namespace Appliance.Net.Sdp.Model;

/// <summary>
/// The "c=" line (RFC 8866 5.7): "c=&lt;nettype&gt; &lt;addrtype&gt; &lt;connection-address&gt;",
/// e.g. "c=IN IP4 0.0.0.0".
/// </summary>
public sealed record ConnectionData(string NetType, string AddrType, string Address);
