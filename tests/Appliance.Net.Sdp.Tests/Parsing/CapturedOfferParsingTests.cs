using Appliance.Net.Sdp.Attributes;
using Appliance.Net.Sdp.Model;
using Appliance.Net.Sdp.Tests.Support;

namespace Appliance.Net.Sdp.Tests.Parsing;

/// <summary>Offers captured from Chromium 156 and Firefox ESR 153 (TestData/README.md) parse into the model.</summary>
public class CapturedOfferParsingTests
{
    [Theory]
    [MemberData(nameof(CapturedOffers.All), MemberType = typeof(CapturedOffers))]
    public void Every_captured_offer_parses_with_mids_and_ice_credentials(string file)
    {
        var offer = CapturedOffers.Parse(file);

        Assert.True(offer.Media.Count >= 2);
        Assert.NotNull(offer.BundleGroup);
        foreach (var media in offer.Media)
        {
            Assert.NotNull(media.Mid);
            Assert.NotNull(media.IceUfrag ?? offer.IceUfrag);
            Assert.NotNull(media.IcePwd ?? offer.IcePwd);
            Assert.Equal(SetupRole.ActPass, media.Setup ?? offer.Setup);
            Assert.NotEmpty(media.Fingerprints.Count > 0 ? media.Fingerprints : offer.Fingerprints);
        }
    }

    [Fact]
    public void Chromium_offer_has_its_session_and_media_attributes()
    {
        var offer = CapturedOffers.Parse(CapturedOffers.ChromiumInitial);

        Assert.Equal(new Origin("-", "6029675870879583089", 2, "IN", "IP4", "127.0.0.1"), offer.Origin);
        Assert.Equal(["0", "1"], offer.BundleGroup!.Mids);
        Assert.True(offer.ExtmapAllowMixed);
        Assert.Equal("WMS 34a7c308-112f-44c1-93a2-5df3ccdde0f2", offer.MsidSemantic);

        var audio = offer.Media[0];
        Assert.Equal((MediaKinds.Audio, 9, "UDP/TLS/RTP/SAVPF"), (audio.Kind, audio.Port, audio.Protocol));
        Assert.Equal(["111", "63", "9", "0", "8", "13", "110", "126"], audio.Formats);
        Assert.Equal(new RtpMap(111, "opus", 48000, 2), audio.RtpMaps[0]);
        Assert.Equal(new Fmtp(111, "minptime=10;useinbandfec=1"), audio.FindFmtp(111));
        Assert.Equal("z5e8", audio.IceUfrag);
        Assert.Equal(new ExtMap(1, "urn:ietf:params:rtp-hdrext:ssrc-audio-level"), audio.ExtMaps[0]);
        Assert.Equal(MediaDirection.SendRecv, audio.Direction);
        Assert.True(audio.RtcpMux);
        Assert.True(audio.RtcpReducedSize);
        Assert.Equal(new SsrcAttribute(1335793157, "cname", "OTzlDnCQX/tJ4qLQ"), audio.Ssrcs[0]);
        Assert.Equal(new Msid("34a7c308-112f-44c1-93a2-5df3ccdde0f2", "70f3bcac-8c68-4bbf-abda-c63a82e6d467"), audio.Msids.Single());

        var fingerprint = audio.Fingerprints.Single();
        Assert.Equal(Fingerprint.Sha256, fingerprint.Algorithm);
        Assert.Equal(32, fingerprint.Value.Length);
        Assert.Equal((0x17, 0x05, 0xF3), (fingerprint.Value[0], fingerprint.Value[1], fingerprint.Value[31]));

        // Unknown attributes are kept, in order.
        Assert.Contains(new SdpAttribute("rtcp", "9 IN IP4 0.0.0.0"), audio.OtherAttributes);
        Assert.Contains(new SdpAttribute("rtcp-xr", "rcvr-rtt=all"), audio.OtherAttributes);

        var video = offer.Media[1];
        Assert.Equal(new SsrcGroup(SsrcGroup.Fid, [402777902u, 3567297616u]), video.SsrcGroups.Single());
        Assert.Contains(new RtcpFeedback("108", "nack", "pli"), video.RtcpFeedbacks);
        Assert.Equal(new Fmtp(108, "level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f"), video.FindFmtp(108));
        Assert.Contains(video.RtpMaps, r => r.Is("VP8", 90000));
        Assert.Contains(video.RtpMaps, r => r.Is("H264", 90000));
    }

    [Fact]
    public void Firefox_offer_has_session_level_fingerprint_and_directional_extmap()
    {
        var offer = CapturedOffers.Parse(CapturedOffers.FirefoxInitial);

        Assert.Equal("mozilla...THIS_IS_SDPARTA-99.0", offer.Origin.Username);
        Assert.Single(offer.Fingerprints);
        Assert.Empty(offer.Media[0].Fingerprints);
        Assert.Null(offer.Direction);
        Assert.Equal("WMS *", offer.MsidSemantic);
        // Firefox's localDescription (after setLocalDescription) adds a session-level direction.
        Assert.Equal(MediaDirection.SendRecv, CapturedOffers.Parse(CapturedOffers.FirefoxInitialGathered).Direction);
        Assert.Equal(["trickle"], offer.IceOptions);

        var audio = offer.Media[0];
        Assert.Equal(new ExtMap(2, "urn:ietf:params:rtp-hdrext:csrc-audio-level", MediaDirection.RecvOnly), audio.ExtMaps[1]);
        Assert.True(audio.ExtmapAllowMixed);
        Assert.False(audio.RtcpReducedSize);
        Assert.Equal(new Fmtp(101, "0-15"), audio.FindFmtp(101));
        Assert.Equal(new RtpMap(9, "G722", 8000, 1), audio.FindRtpMap(9));

        var video = offer.Media[1];
        Assert.DoesNotContain(video.RtpMaps, r => r.Is("H264", 90000));
        Assert.Equal(new SsrcGroup(SsrcGroup.Fid, [733253450u, 2221073890u]), video.SsrcGroups.Single());
    }

    [Fact]
    public void Gathered_offers_carry_candidates()
    {
        var chromium = CapturedOffers.Parse(CapturedOffers.ChromiumInitialGathered).Media[0];
        Assert.NotEmpty(chromium.Candidates);
        Assert.All(chromium.Candidates, c => Assert.Equal("host", c.Type));
        Assert.Contains(chromium.Candidates, c => c.IsUdp && c.Component == 1 && c.Extensions!.StartsWith("generation 0", StringComparison.Ordinal));

        var firefox = CapturedOffers.Parse(CapturedOffers.FirefoxInitialGathered).Media[0];
        Assert.True(firefox.EndOfCandidates);
        Assert.Contains(firefox.Candidates, c => c.Component == 2 && c.Transport == "UDP" && c.Address.EndsWith(".local", StringComparison.Ordinal));
        Assert.Contains(firefox.Candidates, c => c.Extensions == "tcptype active");
    }

    [Fact]
    public void Firefox_adds_later_sections_as_bundle_only_with_port_zero_which_is_not_a_rejection()
    {
        var offer = CapturedOffers.Parse(CapturedOffers.FirefoxScreenShare);
        var screen = offer.Media[2];

        Assert.Equal(0, screen.Port);
        Assert.True(screen.BundleOnly);
        Assert.False(screen.IsRejected);
        Assert.Equal(["0", "1", "2"], offer.BundleGroup!.Mids);
    }

    [Theory]
    [InlineData(CapturedOffers.ChromiumSimulcast)]
    [InlineData(CapturedOffers.FirefoxSimulcast)]
    public void Simulcast_rids_are_parsed(string file)
    {
        var video = CapturedOffers.Parse(file).Media.Single(m => m.Kind == MediaKinds.Video);

        Assert.Equal(["q", "h", "f"], video.Rids.Select(r => r.Id));
        Assert.All(video.Rids, r => Assert.Equal("send", r.Direction));
        Assert.Equal(new Simulcast("q;h;f", null), video.Simulcast);
    }

    [Fact]
    public void Data_channel_section_is_kept_with_its_sctp_attributes()
    {
        var application = CapturedOffers.Parse(CapturedOffers.ChromiumDataChannel).Media[2];

        Assert.Equal((MediaKinds.Application, "UDP/DTLS/SCTP"), (application.Kind, application.Protocol));
        Assert.Equal(["webrtc-datachannel"], application.Formats);
        Assert.Contains(new SdpAttribute("sctp-port", "5000"), application.OtherAttributes);
    }
}
