using System.Globalization;
using System.Text;
using Appliance.Net.Sdp.Attributes;
using Appliance.Net.Sdp.Model;

namespace Appliance.Net.Sdp.Serialization;

/// <summary>
/// Writes a <see cref="SessionDescription"/> as SDP text with CRLF line ends (RFC 8866 5).
/// </summary>
/// <remarks>
/// Line order follows RFC 8866 section 5: session level "v o s i u e p c b t r z k a",
/// media level "m i c b k a". Attributes of one kind are written in the model's list order,
/// so that parsing the output gives the same model back.
/// </remarks>
public static class SdpSerializer
{
    private const string SessionLinesBeforeConnection = "iuep";
    private const string SessionLinesBeforeTiming = "b";
    private const string MediaLinesBeforeConnection = "i";

    /// <summary>Returns the description as SDP text.</summary>
    public static string Serialize(SessionDescription description)
    {
        var w = new LineWriter();
        w.Line('v', description.Version.ToString(CultureInfo.InvariantCulture));
        var o = description.Origin;
        w.Line('o', string.Create(CultureInfo.InvariantCulture, $"{o.Username} {o.SessionId} {o.SessionVersion} {o.NetType} {o.AddrType} {o.UnicastAddress}"));
        w.Line('s', description.SessionName);
        WriteOtherLines(w, description.OtherLines, t => SessionLinesBeforeConnection.Contains(t, StringComparison.Ordinal));
        WriteConnection(w, description.Connection);
        WriteOtherLines(w, description.OtherLines, t => SessionLinesBeforeTiming.Contains(t, StringComparison.Ordinal));
        w.Line('t', string.Create(CultureInfo.InvariantCulture, $"{description.Timing.StartTime} {description.Timing.StopTime}"));
        WriteOtherLines(w, description.OtherLines, t => !SessionLinesBeforeConnection.Contains(t, StringComparison.Ordinal) && !SessionLinesBeforeTiming.Contains(t, StringComparison.Ordinal));

        foreach (var group in description.Groups)
        {
            w.Attribute("group", group.Mids.Count == 0 ? group.Semantics : $"{group.Semantics} {string.Join(' ', group.Mids)}");
        }

        w.Flag("ice-lite", description.IceLite);
        w.Attribute("msid-semantic", description.MsidSemantic);
        WriteCommon(w, description);

        foreach (var media in description.Media)
        {
            WriteMedia(w, media);
        }

        return w.ToString();
    }

    private static void WriteMedia(LineWriter w, MediaDescription media)
    {
        var port = media.NumberOfPorts is { } n
            ? string.Create(CultureInfo.InvariantCulture, $"{media.Port}/{n}")
            : media.Port.ToString(CultureInfo.InvariantCulture);
        w.Line('m', $"{media.Kind} {port} {media.Protocol} {string.Join(' ', media.Formats)}");
        WriteOtherLines(w, media.OtherLines, t => MediaLinesBeforeConnection.Contains(t, StringComparison.Ordinal));
        WriteConnection(w, media.Connection);
        WriteOtherLines(w, media.OtherLines, t => !MediaLinesBeforeConnection.Contains(t, StringComparison.Ordinal));

        w.Attribute("mid", media.Mid);
        w.Flag("bundle-only", media.BundleOnly);
        foreach (var candidate in media.Candidates)
        {
            w.Attribute("candidate", candidate.ToString());
        }

        w.Flag("end-of-candidates", media.EndOfCandidates);
        WriteCommon(w, media);
        foreach (var msid in media.Msids)
        {
            w.Attribute("msid", msid.ToString());
        }

        w.Flag("rtcp-mux", media.RtcpMux);
        w.Flag("rtcp-rsize", media.RtcpReducedSize);
        w.Attributes("rtpmap", media.RtpMaps);
        w.Attributes("rtcp-fb", media.RtcpFeedbacks);
        w.Attributes("fmtp", media.Fmtps);
        w.Attributes("ssrc-group", media.SsrcGroups);
        w.Attributes("ssrc", media.Ssrcs);
        w.Attributes("rid", media.Rids);
        w.Attribute("simulcast", media.Simulcast?.ToString());
        WriteOtherAttributes(w, media);
    }

    /// <summary>The attributes both levels share, except the unknown ones (written last).</summary>
    private static void WriteCommon(LineWriter w, DescriptionLevel level)
    {
        w.Attribute("ice-ufrag", level.IceUfrag);
        w.Attribute("ice-pwd", level.IcePwd);
        if (level.IceOptions.Count > 0)
        {
            w.Attribute("ice-options", string.Join(' ', level.IceOptions));
        }

        w.Attributes("fingerprint", level.Fingerprints);
        w.Attribute("setup", level.Setup?.ToSdpName());
        w.Attributes("extmap", level.ExtMaps);
        w.Flag("extmap-allow-mixed", level.ExtmapAllowMixed);
        if (level.Direction is { } direction)
        {
            w.Flag(direction.ToSdpName(), true);
        }

        if (level is SessionDescription)
        {
            WriteOtherAttributes(w, level);
        }
    }

    private static void WriteOtherAttributes(LineWriter w, DescriptionLevel level)
    {
        foreach (var attribute in level.OtherAttributes)
        {
            if (attribute.Value is null)
            {
                w.Flag(attribute.Name, true);
            }
            else
            {
                w.Attribute(attribute.Name, attribute.Value);
            }
        }
    }

    private static void WriteConnection(LineWriter w, ConnectionData? connection)
    {
        if (connection is not null)
        {
            w.Line('c', $"{connection.NetType} {connection.AddrType} {connection.Address}");
        }
    }

    private static void WriteOtherLines(LineWriter w, List<SdpLine> lines, Func<char, bool> belongsHere)
    {
        foreach (var line in lines)
        {
            if (belongsHere(line.Type))
            {
                w.Line(line.Type, line.Value);
            }
        }
    }

    /// <summary>Appends "type=value\r\n" lines.</summary>
    private sealed class LineWriter
    {
        private readonly StringBuilder text = new(4096);

        public void Line(char type, string value) => text.Append(type).Append('=').Append(value).Append("\r\n");

        public void Attribute(string name, string? value)
        {
            if (value is not null)
            {
                Line('a', $"{name}:{value}");
            }
        }

        public void Attributes<T>(string name, List<T> values)
            where T : notnull
        {
            foreach (var value in values)
            {
                Attribute(name, value.ToString());
            }
        }

        public void Flag(string name, bool present)
        {
            if (present)
            {
                Line('a', name);
            }
        }

        public override string ToString() => text.ToString();
    }
}
