using System.Diagnostics.CodeAnalysis;
using Appliance.Net.Sdp.Attributes;
using Appliance.Net.Sdp.Model;

namespace Appliance.Net.Sdp.Parsing;

/// <summary>
/// Puts one "a=" line into the model: typed when the model names the attribute, otherwise
/// kept in <see cref="DescriptionLevel.OtherAttributes"/>.
/// </summary>
internal static class AttributeReader
{
    /// <summary>Applies a session-level attribute.</summary>
    public static bool TryApply(SessionDescription session, string name, string? value, out string error)
    {
        switch (name)
        {
            case "group":
                // RFC 5888 5: "a=group:<semantics> *(SP identification-tag)"
                if (!TryRequireValue(name, value, out var groupValue, out error))
                {
                    return false;
                }

                var parts = SdpTokens.Split(groupValue);
                if (parts.Length == 0 || !SdpTokens.IsToken(parts[0]))
                {
                    error = "expected '<semantics> <mid> ...'";
                    return false;
                }

                session.Groups.Add(new SdpGroup(parts[0], parts[1..]));
                return true;
            case "msid-semantic":
                if (!TryRequireValue(name, value, out var semantic, out error) || !TryRequireOnce(name, session.MsidSemantic, out error))
                {
                    return false;
                }

                session.MsidSemantic = semantic.Trim();
                return true;
            case "ice-lite" when value is null:
                session.IceLite = true;
                error = string.Empty;
                return true;
            default:
                return TryApplyCommon(session, name, value, out error);
        }
    }

    /// <summary>Applies a media-level attribute.</summary>
    public static bool TryApply(MediaDescription media, string name, string? value, out string error)
    {
        switch (name)
        {
            case "mid":
                if (!TryRequireValue(name, value, out var mid, out error) || !TryRequireOnce(name, media.Mid, out error))
                {
                    return false;
                }

                if (!SdpTokens.IsToken(mid))
                {
                    error = "the mid is not a token";
                    return false;
                }

                media.Mid = mid;
                return true;
            case "rtcp-mux" when value is null:
                media.RtcpMux = true;
                return NoError(out error);
            case "rtcp-rsize" when value is null:
                media.RtcpReducedSize = true;
                return NoError(out error);
            case "bundle-only" when value is null:
                media.BundleOnly = true;
                return NoError(out error);
            case "end-of-candidates" when value is null:
                media.EndOfCandidates = true;
                return NoError(out error);
            case "rtpmap":
                return TryAdd<RtpMap>(name, value, RtpMap.TryParse, media.RtpMaps, out error);
            case "fmtp":
                return TryAdd<Fmtp>(name, value, Fmtp.TryParse, media.Fmtps, out error);
            case "rtcp-fb":
                return TryAdd<RtcpFeedback>(name, value, RtcpFeedback.TryParse, media.RtcpFeedbacks, out error);
            case "ssrc":
                return TryAdd<SsrcAttribute>(name, value, SsrcAttribute.TryParse, media.Ssrcs, out error);
            case "ssrc-group":
                return TryAdd<SsrcGroup>(name, value, SsrcGroup.TryParse, media.SsrcGroups, out error);
            case "msid":
                return TryAdd<Msid>(name, value, Msid.TryParse, media.Msids, out error);
            case "candidate":
                return TryAdd<IceCandidate>(name, value, IceCandidate.TryParse, media.Candidates, out error);
            case "rid":
                return TryAdd<Rid>(name, value, Rid.TryParse, media.Rids, out error);
            case "simulcast":
                if (!TryRequireValue(name, value, out var simulcastValue, out error) || !TryRequireOnce(name, media.Simulcast, out error))
                {
                    return false;
                }

                if (!Simulcast.TryParse(simulcastValue, out var simulcast, out error))
                {
                    return false;
                }

                media.Simulcast = simulcast;
                return true;
            default:
                return TryApplyCommon(media, name, value, out error);
        }
    }

    /// <summary>Attributes allowed at both levels (see <see cref="DescriptionLevel"/>).</summary>
    private static bool TryApplyCommon(DescriptionLevel level, string name, string? value, out string error)
    {
        if (value is null && MediaDirectionNames.TryParse(name, out var direction))
        {
            // RFC 8866 6.7: at most one direction attribute applies at each level.
            if (!TryRequireOnce("direction", level.Direction, out error))
            {
                return false;
            }

            level.Direction = direction;
            return true;
        }

        switch (name)
        {
            case "ice-ufrag":
                if (!TryRequireValue(name, value, out var ufrag, out error) || !TryRequireOnce(name, level.IceUfrag, out error))
                {
                    return false;
                }

                level.IceUfrag = ufrag;
                return true;
            case "ice-pwd":
                if (!TryRequireValue(name, value, out var pwd, out error) || !TryRequireOnce(name, level.IcePwd, out error))
                {
                    return false;
                }

                level.IcePwd = pwd;
                return true;
            case "ice-options":
                if (!TryRequireValue(name, value, out var options, out error))
                {
                    return false;
                }

                level.IceOptions.AddRange(SdpTokens.Split(options));
                return true;
            case "fingerprint":
                return TryAdd<Fingerprint>(name, value, Fingerprint.TryParse, level.Fingerprints, out error);
            case "setup":
                if (!TryRequireValue(name, value, out var setupValue, out error) || !TryRequireOnce(name, level.Setup, out error))
                {
                    return false;
                }

                if (!SetupRoleNames.TryParse(setupValue, out var role))
                {
                    error = "expected active, passive, actpass or holdconn";
                    return false;
                }

                level.Setup = role;
                return true;
            case "extmap":
                return TryAdd<ExtMap>(name, value, ExtMap.TryParse, level.ExtMaps, out error);
            case "extmap-allow-mixed" when value is null:
                level.ExtmapAllowMixed = true;
                return NoError(out error);
            default:
                level.OtherAttributes.Add(new SdpAttribute(name, value));
                return NoError(out error);
        }
    }

    private delegate bool TryParser<T>(string value, [NotNullWhen(true)] out T? parsed, out string error)
        where T : class;

    private static bool TryAdd<T>(string name, string? value, TryParser<T> parse, List<T> into, out string error)
        where T : class
    {
        if (!TryRequireValue(name, value, out var text, out error) || !parse(text, out var parsed, out error))
        {
            return false;
        }

        into.Add(parsed);
        return true;
    }

    private static bool TryRequireValue(string name, string? value, [NotNullWhen(true)] out string? text, out string error)
    {
        text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = $"a={name} needs a value";
            return false;
        }

        return NoError(out error);
    }

    private static bool TryRequireOnce(string name, object? existing, out string error)
    {
        if (existing is not null)
        {
            error = $"a={name} appears twice at the same level";
            return false;
        }

        return NoError(out error);
    }

    private static bool NoError(out string error)
    {
        error = string.Empty;
        return true;
    }
}
