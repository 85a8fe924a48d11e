namespace Appliance.Net.Sdp.Model;

/// <summary>
/// An "a=" line the model does not interpret, kept as name and value
/// (RFC 8866 5.13: "a=&lt;attribute-name&gt;" or "a=&lt;attribute-name&gt;:&lt;attribute-value&gt;").
/// </summary>
/// <param name="Value">Null for a property attribute (no ':').</param>
public sealed record SdpAttribute(string Name, string? Value);
