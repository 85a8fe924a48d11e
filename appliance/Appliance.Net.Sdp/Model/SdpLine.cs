namespace Appliance.Net.Sdp.Model;

/// <summary>A line the model does not interpret ("b=", "i=", "k=", ...), kept as type and value.</summary>
/// <param name="Type">The one-letter type before '='.</param>
/// <param name="Value">Everything after '='.</param>
public sealed record SdpLine(char Type, string Value);
