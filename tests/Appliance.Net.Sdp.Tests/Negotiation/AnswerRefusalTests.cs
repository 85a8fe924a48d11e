using Appliance.Net.Sdp.Attributes;
using Appliance.Net.Sdp.Model;
using Appliance.Net.Sdp.Negotiation;
using Appliance.Net.Sdp.Tests.Support;

namespace Appliance.Net.Sdp.Tests.Negotiation;

/// <summary>Offers the box cannot or should not accept, section by section or as a whole.</summary>
public class AnswerRefusalTests
{
    private static AnswerResult Answer(SessionDescription offer, LocalParameters? local = null) =>
        BoxParameters.Builder().CreateAnswer(offer, local ?? BoxParameters.Create());

    private static SessionDescription Chromium() => CapturedOffers.Parse(CapturedOffers.ChromiumInitial);

    [Fact]
    public void Passive_offerer_leaves_no_DTLS_client()
    {
        var offer = Chromium();
        offer.Media[0].Setup = SetupRole.Passive;

        var result = Answer(offer);

        Assert.False(result.IsSuccess);
        Assert.Contains("a=setup:passive", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_fingerprint_is_refused()
    {
        var offer = Chromium();
        offer.Media.ForEach(m => m.Fingerprints.Clear());

        Assert.Contains("a=fingerprint", Answer(offer).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_ice_credentials_are_refused()
    {
        var offer = Chromium();
        offer.Media[0].IcePwd = null;

        Assert.Contains("a=ice-pwd", Answer(offer).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_local_candidate_is_refused()
    {
        var local = BoxParameters.Create() with { Candidates = ["1 1 udp notapriority 192.168.1.10 50000 typ host"] };

        Assert.Contains("local candidate", Answer(Chromium(), local).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_numeric_local_session_id_is_refused()
    {
        var local = BoxParameters.Create() with { SessionId = "box-1" };

        Assert.Contains("session id", Answer(Chromium(), local).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_usable_section_is_refused_with_every_reason()
    {
        var offer = Chromium();
        offer.Groups.Clear();

        var result = Answer(offer);

        Assert.False(result.IsSuccess);
        Assert.Contains("not in the offer's BUNDLE group", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Section_without_rtcp_mux_is_rejected()
    {
        var offer = Chromium();
        offer.Media[1].RtcpMux = false;

        var session = Answer(offer).Session!;

        Assert.Equal(MediaRole.Rejected, session.Media[1].Role);
        Assert.Contains("rtcp-mux", session.Media[1].RejectionReason, StringComparison.Ordinal);
        Assert.Equal(["0"], session.BundleMids);
    }

    [Fact]
    public void Section_the_offerer_disabled_is_rejected()
    {
        var offer = Chromium();
        offer.Media[1].Port = 0;

        var session = Answer(offer).Session!;

        Assert.Equal(MediaRole.Rejected, session.Media[1].Role);
        Assert.StartsWith("m=video 0 UDP/TLS/RTP/SAVPF 96", SdpText.Section(session.AnswerSdp, 1)[0], StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_audio_section_is_rejected()
    {
        var offer = Chromium();
        var extra = CapturedOffers.Parse(CapturedOffers.ChromiumInitial).Media[0];
        extra.Mid = "9";
        offer.Media.Add(extra);
        offer.Groups[0] = new SdpGroup(SdpGroup.Bundle, ["0", "1", "9"]);

        var session = Answer(offer).Session!;

        Assert.Equal(MediaRole.Rejected, session.Media[2].Role);
        Assert.Equal(["0", "1"], session.BundleMids);
    }

    [Fact]
    public void H264_packetization_mode_0_alone_is_not_accepted()
    {
        var offer = Chromium();
        var video = offer.Media[1];
        video.Formats.RemoveAll(f => f is not ("104" or "107"));

        var session = Answer(offer, BoxParameters.Create(CodecNames.H264, CodecNames.Vp8)).Session!;

        Assert.Equal(MediaRole.Rejected, session.Media[1].Role);
    }

    [Fact]
    public void H264_Baseline_is_taken_when_Constrained_Baseline_is_not_offered()
    {
        var offer = Chromium();
        // 102 is profile-level-id=42001f, packetization-mode=1; 103 its RTX.
        offer.Media[1].Formats.RemoveAll(f => f is not ("102" or "103" or "116" or "117"));

        var video = Answer(offer, BoxParameters.Create(CodecNames.H264)).Session!.Main("video")!;

        Assert.Equal((102, 103), (video.Codec!.PayloadType, video.Codec.RtxPayloadType!.Value));
    }

    [Fact]
    public void Offer_without_sections_is_refused()
    {
        var offer = Chromium();
        offer.Media.Clear();

        Assert.Contains("no m= section", Answer(offer).Error, StringComparison.Ordinal);
    }
}
