namespace Appliance.Net.Sdp.Model;

/// <summary>The "t=" line (RFC 8866 5.9): "t=&lt;start-time&gt; &lt;stop-time&gt;"; "t=0 0" is unbounded.</summary>
public sealed record Timing(ulong StartTime, ulong StopTime);
