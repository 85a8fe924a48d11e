using Appliance.Net.Sdp.Attributes;
using Appliance.Net.Sdp.Negotiation;
using Appliance.Net.Sdp.Tests.Support;

namespace Appliance.Net.Sdp.Tests.Negotiation;

/// <summary>Answers to Firefox ESR 153's captured offer: VP8 only (no H.264 offline), session-level fingerprint.</summary>
public class FirefoxAnswerTests
{
    [Fact]
    public void Answer_takes_opus_and_VP8_even_when_H264_is_preferred()
    {
        var result = BoxParameters.Builder().CreateAnswer(CapturedOffers.Parse(CapturedOffers.FirefoxInitial), BoxParameters.Create(CodecNames.H264, CodecNames.Vp8));

        Assert.True(result.IsSuccess, result.Error);
        var sdp = result.Session.AnswerSdp;
        Assert.Equal(["v=0", "o=- 4611686018427387904 1 IN IP4 127.0.0.1", "s=-", "t=0 0", "a=group:BUNDLE 0 1", "a=ice-lite"], SdpText.SessionLevel(sdp));
        string[] audio =
        [
            "m=audio 50000 UDP/TLS/RTP/SAVPF 109",
            .. SdpText.BoxTransport,
            "a=mid:0",
            .. SdpText.BoxIceAndDtls,
            "a=extmap:1 urn:ietf:params:rtp-hdrext:ssrc-audio-level",
            "a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid",
            "a=extmap:7 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
            "a=sendrecv",
            "a=msid:box box-audio",
            "a=rtcp-mux",
            "a=rtpmap:109 opus/48000/2",
            "a=rtcp-fb:109 transport-cc",
            "a=fmtp:109 minptime=10;useinbandfec=1",
            "a=ssrc:286331153 cname:boxcname",
        ];
        string[] video =
        [
            "m=video 50000 UDP/TLS/RTP/SAVPF 120 124",
            .. SdpText.BoxTransport,
            "a=mid:1",
            .. SdpText.BoxIceAndDtls,
            "a=extmap:3 urn:ietf:params:rtp-hdrext:sdes:mid",
            "a=extmap:4 http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
            "a=extmap:7 http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01",
            "a=sendrecv",
            "a=msid:box box-video",
            "a=rtcp-mux",
            "a=rtcp-rsize",
            "a=rtpmap:120 VP8/90000",
            "a=rtpmap:124 rtx/90000",
            "a=rtcp-fb:120 nack",
            "a=rtcp-fb:120 nack pli",
            "a=rtcp-fb:120 ccm fir",
            "a=rtcp-fb:120 goog-remb",
            "a=rtcp-fb:120 transport-cc",
            "a=fmtp:124 apt=120",
            "a=ssrc-group:FID 572662306 858993459",
            "a=ssrc:572662306 cname:boxcname",
            "a=ssrc:858993459 cname:boxcname",
        ];
        Assert.Equal(audio, SdpText.Section(sdp, 0));
        Assert.Equal(video, SdpText.Section(sdp, 1));
    }

    [Fact]
    public void Remote_parameters_come_from_the_session_level_fingerprint_and_the_FID_group()
    {
        var offer = CapturedOffers.Parse(CapturedOffers.FirefoxInitial);
        var session = BoxParameters.Builder().CreateAnswer(offer, BoxParameters.Create()).Session!;

        Assert.Equal(offer.Fingerprints[0], session.RemoteFingerprint);
        Assert.Equal(0x4E, session.RemoteFingerprint.Value[0]);
        Assert.Equal(offer.Media[0].IceUfrag, session.RemoteIceUfrag);
        var video = session.Main("video")!;
        Assert.Equal((733253450u, 2221073890u), (video.RemoteSsrc!.Value, video.RemoteRtxSsrc!.Value));
        Assert.Equal((3, 4, 7), (video.HeaderExtensions.Mid!.Value, video.HeaderExtensions.AbsSendTime!.Value, video.HeaderExtensions.TransportWideCc!.Value));
        Assert.Equal(2530802893u, session.Main("audio")!.RemoteSsrc);
    }

    [Fact]
    public void With_H264_only_the_video_section_is_rejected_and_audio_goes_on()
    {
        var session = BoxParameters.Builder().CreateAnswer(CapturedOffers.Parse(CapturedOffers.FirefoxInitial), BoxParameters.Create(CodecNames.H264)).Session!;

        Assert.Equal(["m=video 0 UDP/TLS/RTP/SAVPF 120", "c=IN IP4 0.0.0.0", "a=mid:1"], SdpText.Section(session.AnswerSdp, 1));
        Assert.Equal(["0"], session.BundleMids);
        Assert.Equal(MediaRole.Rejected, session.Media[1].Role);
        Assert.Contains("H264", session.Media[1].RejectionReason, StringComparison.Ordinal);
        Assert.Equal(MediaDirection.SendRecv, session.Main("audio")!.Direction);
    }
}
