using System.Net;
using Appliance.Net.Dtls;
using Appliance.Net.Sdp.Model;
using Appliance.Net.Sdp.Parsing;

namespace Appliance.LoadTool.Session;

/// <summary>What the synthetic participant needs from the box's answer: ICE credentials, the DTLS fingerprint,
/// the candidate to send to, and the payload types and SSRCs of the streams the box sends.</summary>
public sealed record BoxAnswer(string IceUfrag, string IcePassword, DtlsFingerprint Fingerprint, IPEndPoint Candidate,
    int? AudioPayloadType, int VideoPayloadType, int? RtxPayloadType, uint? VideoSsrc, uint? RtxSsrc)
{
    /// <summary>Reads the answer; <paramref name="preferLoopback"/> picks a 127.0.0.1 candidate when there is one.</summary>
    public static BoxAnswer Parse(string sdp, bool preferLoopback = true)
    {
        if (!SdpParser.TryParse(sdp, out SessionDescription? description, out SdpParseError? error))
            throw new FormatException($"the box's answer is not valid SDP: {error.Message}");
        MediaDescription video = description.Media.Find(m => m.Kind == MediaKinds.Video && !m.IsRejected)
            ?? throw new FormatException("the box's answer has no video");
        MediaDescription? audio = description.Media.Find(m => m.Kind == MediaKinds.Audio && !m.IsRejected);
        string ufrag = video.IceUfrag ?? description.IceUfrag ?? throw new FormatException("the answer has no ice-ufrag");
        string password = video.IcePwd ?? description.IcePwd ?? throw new FormatException("the answer has no ice-pwd");
        var fingerprint = video.Fingerprints.Concat(description.Fingerprints).FirstOrDefault(f => f.IsAlgorithm(DtlsFingerprint.Sha256Algorithm))
            ?? throw new FormatException("the answer has no sha-256 fingerprint");
        var candidates = description.Media.SelectMany(m => m.Candidates)
            .Where(c => c.IsUdp && IPAddress.TryParse(c.Address, out var a) && a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
            .Select(c => new IPEndPoint(IPAddress.Parse(c.Address), c.Port))
            .ToList();
        if (candidates.Count == 0)
            throw new FormatException("the answer has no IPv4 UDP candidate");
        IPEndPoint candidate = (preferLoopback ? candidates.Find(c => IPAddress.IsLoopback(c.Address)) : null) ?? candidates[0];

        int videoType = int.Parse(video.Formats[0], System.Globalization.CultureInfo.InvariantCulture);
        int? rtxType = video.Fmtps.Find(f => f.TryGetParameter("apt", out var apt) && apt == videoType.ToString(System.Globalization.CultureInfo.InvariantCulture))?.PayloadType;
        var fid = video.SsrcGroups.Find(g => g.Semantics == Appliance.Net.Sdp.Attributes.SsrcGroup.Fid);
        uint? videoSsrc = fid is { Ssrcs.Count: >= 2 } ? fid.Ssrcs[0] : video.Ssrcs.FirstOrDefault()?.Ssrc;
        uint? rtxSsrc = fid is { Ssrcs.Count: >= 2 } ? fid.Ssrcs[1] : null;
        int? audioType = audio is null ? null : int.Parse(audio.Formats[0], System.Globalization.CultureInfo.InvariantCulture);
        return new BoxAnswer(ufrag, password, DtlsFingerprint.FromDigest(fingerprint.Value), candidate, audioType, videoType, rtxType, videoSsrc, rtxSsrc);
    }
}
