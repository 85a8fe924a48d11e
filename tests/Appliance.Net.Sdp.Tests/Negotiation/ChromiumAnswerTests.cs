using Appliance.Net.Sdp.Attributes;
using Appliance.Net.Sdp.Negotiation;
using Appliance.Net.Sdp.Parsing;
using Appliance.Net.Sdp.Tests.Support;

namespace Appliance.Net.Sdp.Tests.Negotiation;

/// <summary>Answers to Chromium 156's captured offer (audio + camera).</summary>
public class ChromiumAnswerTests
{
    private const string ExpectedH264Answer =
        "v=0\r\n" +
        "o=- 4611686018427387904 1 IN IP4 127.0.0.1\r\n" +
        "s=-\r\n" +
        "t=0 0\r\n" +
        "a=group:BUNDLE 0 1\r\n" +
        "a=ice-lite\r\n" +
        "m=audio 50000 UDP/TLS/RTP/SAVPF 111\r\n" +
        "c=IN IP4 192.168.1.10\r\n" +
        "a=mid:0\r\n" +
        "a=candidate:1 1 udp 2130706431 192.168.1.10 50000 typ host\r\n" +
        "a=end-of-candidates\r\n" +
        "a=ice-ufrag:boxU\r\n" +
        "a=ice-pwd:boxpwdboxpwdboxpwdboxp\r\n" +
        "a=fingerprint:sha-256 00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:1F\r\n" +
        "a=setup:passive\r\n" +
        "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level\r\n" +
        "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\n" +
        "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r\n" +
        "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n" +
        "a=sendrecv\r\n" +
        "a=msid:box box-audio\r\n" +
        "a=rtcp-mux\r\n" +
        "a=rtcp-rsize\r\n" +
        "a=rtpmap:111 opus/48000/2\r\n" +
        "a=rtcp-fb:111 transport-cc\r\n" +
        "a=fmtp:111 minptime=10;useinbandfec=1\r\n" +
        "a=ssrc:286331153 cname:boxcname\r\n" +
        "m=video 50000 UDP/TLS/RTP/SAVPF 108 109\r\n" +
        "c=IN IP4 192.168.1.10\r\n" +
        "a=mid:1\r\n" +
        "a=candidate:1 1 udp 2130706431 192.168.1.10 50000 typ host\r\n" +
        "a=end-of-candidates\r\n" +
        "a=ice-ufrag:boxU\r\n" +
        "a=ice-pwd:boxpwdboxpwdboxpwdboxp\r\n" +
        "a=fingerprint:sha-256 00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:1F\r\n" +
        "a=setup:passive\r\n" +
        "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time\r\n" +
        "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01\r\n" +
        "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\n" +
        "a=sendrecv\r\n" +
        "a=msid:box box-video\r\n" +
        "a=rtcp-mux\r\n" +
        "a=rtcp-rsize\r\n" +
        "a=rtpmap:108 H264/90000\r\n" +
        "a=rtpmap:109 rtx/90000\r\n" +
        "a=rtcp-fb:108 goog-remb\r\n" +
        "a=rtcp-fb:108 transport-cc\r\n" +
        "a=rtcp-fb:108 ccm fir\r\n" +
        "a=rtcp-fb:108 nack\r\n" +
        "a=rtcp-fb:108 nack pli\r\n" +
        "a=fmtp:108 level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f\r\n" +
        "a=fmtp:109 apt=108\r\n" +
        "a=ssrc-group:FID 572662306 858993459\r\n" +
        "a=ssrc:572662306 cname:boxcname\r\n" +
        "a=ssrc:858993459 cname:boxcname\r\n";

    [Theory]
    [InlineData(CapturedOffers.ChromiumInitial)]
    [InlineData(CapturedOffers.ChromiumInitialGathered)]
    public void H264_preferred_answer_is_exactly_the_expected_text(string file)
    {
        var result = BoxParameters.Builder().CreateAnswer(CapturedOffers.Parse(file), BoxParameters.Create(CodecNames.H264, CodecNames.Vp8));

        Assert.True(result.IsSuccess, result.Error);
        Assert.Equal(ExpectedH264Answer, result.Session.AnswerSdp);
        Assert.True(SdpParser.Parse(result.Session.AnswerSdp).IsSuccess);
    }

    [Fact]
    public void VP8_preferred_answer_takes_VP8_with_its_RTX()
    {
        var result = BoxParameters.Builder().CreateAnswer(CapturedOffers.Parse(CapturedOffers.ChromiumInitial), BoxParameters.Create(CodecNames.Vp8, CodecNames.H264));

        Assert.True(result.IsSuccess, result.Error);
        string[] expected =
        [
            "m=video 50000 UDP/TLS/RTP/SAVPF 96 97",
            .. SdpText.BoxTransport,
            "a=mid:1",
            .. SdpText.BoxIceAndDtls,
            "a=extmap:2 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
            "a=extmap:3 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
            "a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid",
            "a=sendrecv",
            "a=msid:box box-video",
            "a=rtcp-mux",
            "a=rtcp-rsize",
            "a=rtpmap:96 VP8/90000",
            "a=rtpmap:97 rtx/90000",
            "a=rtcp-fb:96 goog-remb",
            "a=rtcp-fb:96 transport-cc",
            "a=rtcp-fb:96 ccm fir",
            "a=rtcp-fb:96 nack",
            "a=rtcp-fb:96 nack pli",
            "a=fmtp:97 apt=96",
            "a=ssrc-group:FID 572662306 858993459",
            "a=ssrc:572662306 cname:boxcname",
            "a=ssrc:858993459 cname:boxcname",
        ];
        Assert.Equal(expected, SdpText.Section(result.Session.AnswerSdp, 1));
        Assert.Equal(SdpText.Section(ExpectedH264Answer, 0), SdpText.Section(result.Session.AnswerSdp, 0));
    }

    [Fact]
    public void Negotiated_session_tells_the_transport_what_it_needs()
    {
        var offer = CapturedOffers.Parse(CapturedOffers.ChromiumInitial);
        var session = BoxParameters.Builder().CreateAnswer(offer, BoxParameters.Create()).Session!;

        Assert.Equal(("z5e8", offer.Media[0].IcePwd), (session.RemoteIceUfrag, session.RemoteIcePwd));
        Assert.Equal(offer.Media[0].Fingerprints[0], session.RemoteFingerprint);
        Assert.Equal((SetupRole.ActPass, SetupRole.Passive), (session.RemoteSetup, session.LocalSetup));
        Assert.False(session.IceRestart);
        Assert.Equal(["0", "1"], session.BundleMids);

        var audio = session.Main("audio")!;
        Assert.Equal(("0", MediaDirection.SendRecv, 111, 48000, 2), (audio.Mid, audio.Direction, audio.Codec!.PayloadType, audio.Codec.ClockRate, audio.Codec.Channels));
        Assert.Equal("minptime=10;useinbandfec=1", audio.Codec.Fmtp);
        Assert.Equal([1335793157u], audio.RemoteSsrcs);
        Assert.Equal((1335793157u, (uint?)null), (audio.RemoteSsrc, audio.RemoteRtxSsrc));
        Assert.Equal((BoxParameters.AudioSsrc, (uint?)null), (audio.LocalSsrc, audio.LocalRtxSsrc));
        Assert.Equal((1, 2, 3, 4), (audio.HeaderExtensions.AudioLevel, audio.HeaderExtensions.AbsSendTime, audio.HeaderExtensions.TransportWideCc, audio.HeaderExtensions.Mid));
        Assert.Equal("70f3bcac-8c68-4bbf-abda-c63a82e6d467", audio.RemoteMsid!.TrackId);

        var video = session.Main("video")!;
        Assert.Equal(("1", 108, 109, "H264"), (video.Mid, video.Codec!.PayloadType, video.Codec.RtxPayloadType, video.Codec.Name));
        Assert.True(video.Codec.HasFeedback("nack pli"));
        Assert.True(video.Codec.HasFeedback("transport-cc"));
        Assert.Equal((402777902u, 3567297616u), (video.RemoteSsrc!.Value, video.RemoteRtxSsrc!.Value));
        Assert.Equal((BoxParameters.VideoSsrc, BoxParameters.VideoRtxSsrc), (video.LocalSsrc!.Value, video.LocalRtxSsrc!.Value));
        Assert.Null(video.HeaderExtensions.AudioLevel);
        Assert.Equal(4, video.HeaderExtensions.Mid);
        Assert.True(video.RtcpReducedSize);
    }

    [Theory]
    [InlineData(CapturedOffers.ChromiumDataChannel)]
    [InlineData(CapturedOffers.FirefoxDataChannel)]
    public void Data_channel_section_is_rejected_and_left_out_of_the_bundle(string file)
    {
        var session = BoxParameters.Builder().CreateAnswer(CapturedOffers.Parse(file), BoxParameters.Create()).Session!;

        Assert.Equal(["m=application 0 UDP/DTLS/SCTP webrtc-datachannel", "c=IN IP4 0.0.0.0", "a=mid:2"], SdpText.Section(session.AnswerSdp, 2));
        Assert.Contains("a=group:BUNDLE 0 1", SdpText.SessionLevel(session.AnswerSdp));
        Assert.Equal(MediaRole.Rejected, session.Media[2].Role);
        Assert.Contains("SCTP", session.Media[2].RejectionReason, StringComparison.Ordinal);
        Assert.Equal(MediaRole.Main, session.Media[1].Role);
    }
}
