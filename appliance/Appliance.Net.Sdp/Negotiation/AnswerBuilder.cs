using Appliance.Net.Sdp.Attributes;
using Appliance.Net.Sdp.Model;
using Appliance.Net.Sdp.Serialization;
using Microsoft.Extensions.Logging;

namespace Appliance.Net.Sdp.Negotiation;

/// <summary>
/// Answers a browser's offer as the box: ICE-lite (RFC 8839 2.5), DTLS server ("a=setup:passive",
/// RFC 5763 5), everything in one BUNDLE transport (RFC 8843) with rtcp-mux (RFC 5761).
/// </summary>
/// <remarks>
/// The answer follows RFC 3264 section 6 (one m= line per offered one, same order, rejected ones with
/// port 0) and RFC 8829 (JSEP) 5.3. Pass the previous <see cref="NegotiatedSession"/> for a later offer
/// of the same session: roles, payload types and the o= session id stay, and the o= version goes up
/// when the answer changes (RFC 3264 8).
/// </remarks>
public sealed partial class AnswerBuilder
{
    private readonly ILogger<AnswerBuilder> logger;

    /// <summary>Creates a builder that logs its decisions.</summary>
    public AnswerBuilder(ILogger<AnswerBuilder> logger)
    {
        this.logger = logger;
    }

    /// <summary>
    /// True when <paramref name="offer"/> restarts ICE, i.e. its ufrag differs from the previous one
    /// (RFC 8839 4.4.1.1.1). The caller must then answer with new local ICE credentials.
    /// </summary>
    public static bool IsIceRestart(SessionDescription offer, NegotiatedSession? previous)
    {
        if (previous is null || offer.Media.Count == 0)
        {
            return false;
        }

        var tagged = offer.BundleGroup?.Mids.FirstOrDefault() is { } mid ? offer.FindByMid(mid) : null;
        var ufrag = (tagged ?? offer.Media[0]).IceUfrag ?? offer.IceUfrag;
        return ufrag is not null && ufrag != previous.RemoteIceUfrag;
    }

    /// <summary>Makes the answer to <paramref name="offer"/>; never throws for a bad offer.</summary>
    public AnswerResult CreateAnswer(SessionDescription offer, LocalParameters local, NegotiatedSession? previous = null)
    {
        if (offer.Media.Count == 0)
        {
            return Fail("the offer has no m= section");
        }

        // RFC 8866 5.2: "<sess-id> is a numeric string".
        if (local.SessionId.Length == 0 || !local.SessionId.All(char.IsAsciiDigit))
        {
            return Fail($"local session id '{local.SessionId}' is not a numeric string");
        }

        if (!TransportDefaults.TryCreate(local.Candidates, out var transport, out var candidateError))
        {
            return Fail(candidateError);
        }

        var plans = SectionPlanner.Plan(offer, local, previous);
        foreach (var plan in plans.Where(p => p.Role == MediaRole.Rejected))
        {
            LogRejected(plan.Index, plan.Offered.Mid, plan.Offered.Kind, plan.RejectionReason);
        }

        // RFC 8843 7.3.1: the offerer's BUNDLE-tag is the first mid of its group; its section carries the
        // transport parameters of the bundle.
        var accepted = plans.Where(p => p.Role != MediaRole.Rejected).ToList();
        if (accepted.Count == 0)
        {
            return Fail("the offer has no m= section the box can use: " +
                string.Join("; ", plans.Select(p => $"m-section {p.Index}: {p.RejectionReason}")));
        }

        var tagged = accepted.Find(p => p.Offered.Mid == offer.BundleGroup?.Mids.FirstOrDefault()) ?? accepted[0];
        if (!TryReadRemoteTransport(offer, tagged.Offered, out var remote, out var transportError))
        {
            return Fail(transportError);
        }

        var iceRestart = previous is not null && remote.Ufrag != previous.RemoteIceUfrag;
        if (iceRestart && local.IceUfrag == previous!.LocalIceUfrag)
        {
            return Fail("the offer restarts ICE (new ice-ufrag) but the local ICE credentials were not renewed");
        }

        var answer = new SessionDescription { IceLite = true };
        var media = new List<NegotiatedMedia>(plans.Count);
        foreach (var plan in plans)
        {
            var (section, negotiated) = MediaSectionAnswerer.Answer(plan, offer, local, transport!);
            answer.Media.Add(section);
            media.Add(negotiated);
        }

        var bundleMids = media.Where(m => m.IsAccepted).Select(m => m.Mid!).ToList();
        answer.Groups.Add(new SdpGroup(SdpGroup.Bundle, bundleMids));
        var text = StampOrigin(answer, local, previous);

        var session = new NegotiatedSession
        {
            RemoteIceUfrag = remote.Ufrag,
            RemoteIcePwd = remote.Pwd,
            LocalIceUfrag = local.IceUfrag,
            RemoteFingerprint = remote.Fingerprint,
            RemoteSetup = remote.Setup,
            IceRestart = iceRestart,
            BundleMids = bundleMids,
            Media = media,
            Answer = answer,
            AnswerSdp = text,
        };
        LogAnswered(bundleMids.Count, plans.Count, session.Main(MediaKinds.Video)?.Codec?.Name, iceRestart, answer.Origin.SessionVersion);
        return AnswerResult.Success(session);
    }

    /// <summary>
    /// RFC 3264 8: "the origin line ... version number MUST be incremented ... if the session description
    /// has changed"; otherwise the previous version stays. The session id stays for the whole session.
    /// </summary>
    private static string StampOrigin(SessionDescription answer, LocalParameters local, NegotiatedSession? previous)
    {
        if (previous is null)
        {
            answer.Origin = new Origin("-", local.SessionId, 1, "IN", "IP4", "127.0.0.1");
            return SdpSerializer.Serialize(answer);
        }

        answer.Origin = previous.Answer.Origin;
        var text = SdpSerializer.Serialize(answer);
        if (text == previous.AnswerSdp)
        {
            return text;
        }

        answer.Origin = previous.Answer.Origin with { SessionVersion = previous.Answer.Origin.SessionVersion + 1 };
        return SdpSerializer.Serialize(answer);
    }

    private sealed record RemoteTransport(string Ufrag, string Pwd, Fingerprint Fingerprint, SetupRole Setup);

    /// <summary>The browser's ICE and DTLS parameters: media level first, else session level (RFC 8839 5.4, RFC 8122 5).</summary>
    private static bool TryReadRemoteTransport(SessionDescription offer, MediaDescription tagged, out RemoteTransport remote, out string error)
    {
        remote = null!;
        var ufrag = tagged.IceUfrag ?? offer.IceUfrag;
        var pwd = tagged.IcePwd ?? offer.IcePwd;
        if (ufrag is null || pwd is null)
        {
            error = $"the offer has no a=ice-ufrag/a=ice-pwd for mid {tagged.Mid}";
            return false;
        }

        var fingerprints = tagged.Fingerprints.Count > 0 ? tagged.Fingerprints : offer.Fingerprints;
        if (fingerprints.Count == 0)
        {
            error = $"the offer has no a=fingerprint for mid {tagged.Mid}";
            return false;
        }
        // The box checks the browser's certificate with SHA-256 (RFC 8827 6.5: every WebRTC
        // endpoint offers it); anything else, or a digest of the wrong length, cannot be checked
        // (found by fuzzing: a 31-byte digest reached the DTLS transport and threw there).
        var fingerprint = fingerprints.Find(f => f.IsAlgorithm(Fingerprint.Sha256) && f.Value.Length == 32);
        if (fingerprint is null)
        {
            error = $"the offer's a=fingerprint for mid {tagged.Mid} is not a SHA-256 digest of 32 bytes";
            return false;
        }

        // RFC 4145 4: an absent a=setup means "active". RFC 5763 5: the box, answering, takes "passive"
        // and so needs the browser to be the DTLS client.
        var setup = tagged.Setup ?? offer.Setup ?? SetupRole.Active;
        if (setup is not (SetupRole.ActPass or SetupRole.Active))
        {
            error = $"the offer's a=setup:{setup.ToSdpName()} leaves no DTLS client; the box is always passive";
            return false;
        }

        remote = new RemoteTransport(ufrag, pwd, fingerprint, setup);
        error = string.Empty;
        return true;
    }

    private AnswerResult Fail(string error)
    {
        LogRefused(error);
        return AnswerResult.Failure(error);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rejected m-section {Index} (mid {Mid}, {Kind}): {Reason}")]
    private partial void LogRejected(int index, string? mid, string kind, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Answered offer: {Accepted} of {Offered} m-sections bundled, video codec {VideoCodec}, ICE restart {IceRestart}, o= version {SessionVersion}")]
    private partial void LogAnswered(int accepted, int offered, string? videoCodec, bool iceRestart, ulong sessionVersion);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot answer offer: {Reason}")]
    private partial void LogRefused(string reason);
}
