using Appliance.Net.Sdp.Attributes;
using Appliance.Net.Sdp.Model;
using CsCheck;

namespace Appliance.Net.Sdp.Tests.Support;

/// <summary>CsCheck generators of valid session descriptions, for round-trip properties.</summary>
public static class SdpGenerators
{
    private static readonly Gen<string> Token = Gen.Char["abcxyzABC0189-_.+#"].Array[1, 8].Select(a => new string(a));
    private static readonly Gen<string?> OptionalToken = Gen.Null(Token, 0.4);
    private static readonly Gen<int> PayloadType = Gen.Int[0, 127];

    private static readonly Gen<RtpMap> RtpMapGen = Gen.Select(PayloadType, Token, Gen.Int[1, 200000], Gen.Nullable(Gen.Int[1, 8], 0.5),
        (pt, name, clock, channels) => new RtpMap(pt, name, clock, channels));

    private static readonly Gen<Fmtp> FmtpGen = Gen.Select(PayloadType, Gen.Select(Token, Token, (k, v) => $"{k}={v}").Array[1, 3],
        (pt, parameters) => new Fmtp(pt, string.Join(';', parameters)));

    private static readonly Gen<RtcpFeedback> FeedbackGen = Gen.Select(Gen.OneOf(PayloadType.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)), Gen.Const("*")), Token, OptionalToken,
        (pt, type, parameter) => new RtcpFeedback(pt, type, parameter));

    private static readonly Gen<ExtMap> ExtMapGen = Gen.Select(Gen.Int[1, 14], Token, Gen.Nullable(Gen.Enum<MediaDirection>(), 0.7), OptionalToken,
        (id, uri, direction, attributes) => new ExtMap(id, "urn:" + uri, direction, attributes));

    private static readonly Gen<Fingerprint> FingerprintGen = Gen.Select(Token, Gen.Byte.Array[1, 64], (algorithm, bytes) => new Fingerprint(algorithm, bytes));

    private static readonly Gen<IceCandidate> CandidateGen = Gen.Select(Token, Gen.Int[1, 2], Gen.OneOfConst("udp", "UDP", "tcp"), Gen.UInt, Token, Gen.Int[0, 65535], Gen.OneOfConst("host", "srflx"), Gen.OneOfConst<string?>(null, "generation 0", "raddr 0.0.0.0 rport 0"),
        (foundation, component, transport, priority, address, port, type, extensions) => new IceCandidate(foundation, component, transport, priority, address, port, type, extensions));

    private static readonly Gen<SsrcAttribute> SsrcGen = Gen.Select(Gen.UInt, Token, OptionalToken, (ssrc, name, value) => new SsrcAttribute(ssrc, name, value));

    private static readonly Gen<SsrcGroup> SsrcGroupGen = Gen.Select(Token, Gen.UInt.Array[1, 3], (semantics, ssrcs) => new SsrcGroup(semantics, ssrcs));

    private static readonly Gen<Rid> RidGen = Gen.Select(Token, Gen.OneOfConst("send", "recv"), OptionalToken, (id, direction, parameters) => new Rid(id, direction, parameters));

    private static readonly Gen<Simulcast?> SimulcastGen = Gen.Select(OptionalToken, OptionalToken, (s, r) => s is null && r is null ? null : new Simulcast(s, r));

    private static readonly Gen<SdpAttribute> OtherAttributeGen = Gen.Select(Token, Gen.OneOf(OptionalToken, Gen.Select(Token, Token, (a, b) => (string?)$"{a} {b}")),
        (name, value) => new SdpAttribute("x-" + name, value));

    private static readonly Gen<ConnectionData?> ConnectionGen = Gen.Null(Token.Select(a => new ConnectionData("IN", "IP4", a)), 0.5);

    private static readonly Gen<SdpLine> BandwidthGen = Gen.Int[0, 100000].Select(kbps => new SdpLine('b', $"AS:{kbps}"));

    /// <summary>A media description with any mix of the attributes the model names.</summary>
    public static readonly Gen<MediaDescription> Media =
        Gen.Select(Gen.OneOfConst("audio", "video", "application"), Gen.Int[0, 65535], Gen.Nullable(Gen.Int[1, 4], 0.8), Gen.OneOfConst("UDP/TLS/RTP/SAVPF", "UDP/DTLS/SCTP", "RTP/AVP"), Token.Array[1, 5], OptionalToken, Gen.Bool.Array[5, 5], ConnectionGen,
            (kind, port, ports, protocol, formats, mid, flags, connection) =>
            {
                var m = new MediaDescription
                {
                    Kind = kind, Port = port, NumberOfPorts = ports, Protocol = protocol, Mid = mid, Connection = connection,
                    RtcpMux = flags[0], RtcpReducedSize = flags[1], BundleOnly = flags[2], EndOfCandidates = flags[3], ExtmapAllowMixed = flags[4],
                };
                m.Formats.AddRange(formats);
                return m;
            })
        .SelectMany(m => Gen.Select(RtpMapGen.List[0, 4], FmtpGen.List[0, 3], FeedbackGen.List[0, 4], ExtMapGen.List[0, 3], SsrcGen.List[0, 3], SsrcGroupGen.List[0, 2], CandidateGen.List[0, 3], RidGen.List[0, 3],
            (rtpMaps, fmtps, feedback, extMaps, ssrcs, groups, candidates, rids) =>
            {
                m.RtpMaps.AddRange(rtpMaps);
                m.Fmtps.AddRange(fmtps);
                m.RtcpFeedbacks.AddRange(feedback);
                m.ExtMaps.AddRange(extMaps);
                m.Ssrcs.AddRange(ssrcs);
                m.SsrcGroups.AddRange(groups);
                m.Candidates.AddRange(candidates);
                m.Rids.AddRange(rids);
                return m;
            }))
        .SelectMany(m => Gen.Select(Gen.Select(Token, OptionalToken, (s, t) => new Msid(s, t)).List[0, 2], SimulcastGen, BandwidthGen.List[0, 2], OtherAttributeGen.List[0, 3], CommonGen,
            (msids, simulcast, bandwidth, others, common) =>
            {
                m.Msids.AddRange(msids);
                m.Simulcast = simulcast;
                m.OtherLines.AddRange(bandwidth);
                m.OtherAttributes.AddRange(others);
                common(m);
                return m;
            }));

    /// <summary>A session description with 0 to 4 media descriptions.</summary>
    public static readonly Gen<SessionDescription> Session =
        Gen.Select(Token, Gen.ULong[0, ulong.MaxValue], Gen.ULong, Token, Gen.Select(Token, Token.Array[0, 4], (s, mids) => new SdpGroup(s, mids)).List[0, 2], Gen.Null(Token.Select(t => "WMS " + t), 0.5), Gen.Bool, CommonGen,
            (user, id, version, address, groups, semantic, iceLite, common) =>
            {
                var s = new SessionDescription
                {
                    Origin = new Origin(user, id.ToString(System.Globalization.CultureInfo.InvariantCulture), version, "IN", "IP4", address),
                    MsidSemantic = semantic,
                    IceLite = iceLite,
                };
                s.Groups.AddRange(groups);
                common(s);
                return s;
            })
        .SelectMany(s => Gen.Select(Media.List[0, 4], ConnectionGen, BandwidthGen.List[0, 1], Gen.Select(Gen.ULong, Gen.ULong, (a, b) => new Timing(a, b)),
            (media, connection, bandwidth, timing) =>
            {
                s.Media.AddRange(media);
                s.Connection = connection;
                s.OtherLines.AddRange(bandwidth);
                s.Timing = timing;
                return s;
            }));

    /// <summary>The attributes both levels share, applied by a delegate so one generator serves both.</summary>
    private static Gen<Action<DescriptionLevel>> CommonGen =>
        Gen.Select(OptionalToken, OptionalToken, Token.List[0, 2], FingerprintGen.List[0, 2], Gen.Nullable(Gen.Enum<SetupRole>(), 0.5), Gen.Nullable(Gen.Enum<MediaDirection>(), 0.5), OtherAttributeGen.List[0, 2],
            (ufrag, pwd, options, fingerprints, setup, direction, others) => (Action<DescriptionLevel>)(level =>
            {
                level.IceUfrag = ufrag;
                level.IcePwd = pwd;
                level.IceOptions.AddRange(options);
                level.Fingerprints.AddRange(fingerprints);
                level.Setup = setup;
                level.Direction = direction;
                level.OtherAttributes.AddRange(others);
            }));
}
