namespace Appliance.Net.Sdp.Tests.Support;

/// <summary>Helpers to compare answers line by line.</summary>
public static class SdpText
{
    /// <summary>The lines of the m= section at <paramref name="index"/> (from its "m=" line to the next).</summary>
    public static string[] Section(string sdp, int index)
    {
        var lines = sdp.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var starts = lines.Select((line, i) => (line, i)).Where(x => x.line.StartsWith("m=", StringComparison.Ordinal)).Select(x => x.i).ToList();
        var end = index + 1 < starts.Count ? starts[index + 1] : lines.Length;
        return lines[starts[index]..end];
    }

    /// <summary>The session-level lines (before the first "m=").</summary>
    public static string[] SessionLevel(string sdp) =>
        sdp.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).TakeWhile(l => !l.StartsWith("m=", StringComparison.Ordinal)).ToArray();

    /// <summary>The transport lines every accepted section of the box's answer carries.</summary>
    public static readonly string[] BoxTransport =
    [
        "c=IN IP4 192.168.1.10",
    ];

    public static readonly string[] BoxIceAndDtls =
    [
        "a=candidate:1 1 udp 2130706431 192.168.1.10 50000 typ host",
        "a=end-of-candidates",
        "a=ice-ufrag:boxU",
        "a=ice-pwd:boxpwdboxpwdboxpwdboxp",
        "a=fingerprint:sha-256 00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:1F",
        "a=setup:passive",
    ];
}
