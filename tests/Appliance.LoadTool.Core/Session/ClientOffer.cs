using System.Text;
using Appliance.Hwaccel.Codecs;
using Appliance.Net.Dtls;

namespace Appliance.LoadTool.Session;

/// <summary>
/// The synthetic participant's SDP offer, shaped like a browser's (JSEP, RFC 8829): BUNDLE with rtcp-mux, ICE
/// credentials, DTLS actpass with the participant's certificate fingerprint, Opus (when it sends audio) and one video
/// codec with its RTX stream (RFC 4588) and the feedback the box uses (NACK, PLI, FIR, REMB).
/// </summary>
public sealed record ClientOffer(VideoCodec Codec, bool Audio, string IceUfrag, string IcePassword, DtlsFingerprint Fingerprint,
    uint AudioSsrc, uint VideoSsrc, uint RtxSsrc)
{
    public const int OpusPayloadType = 111;
    public const int MidExtensionId = 4;
    public const string AudioMid = "0";
    public const string VideoMid = "1";

    public int VideoPayloadType => Codec == VideoCodec.H264 ? 102 : 96;
    public int RtxPayloadType => VideoPayloadType + 1;

    public string ToSdp()
    {
        const string cname = "synthetic";
        var sdp = new StringBuilder();
        void Line(string line) => sdp.Append(line).Append("\r\n");
        Line("v=0");
        Line($"o=- {AudioSsrc}{VideoSsrc} 2 IN IP4 127.0.0.1");
        Line("s=-");
        Line("t=0 0");
        Line(Audio ? $"a=group:BUNDLE {AudioMid} {VideoMid}" : $"a=group:BUNDLE {VideoMid}");
        Line("a=msid-semantic: WMS load");
        if (Audio)
        {
            Line($"m=audio 9 UDP/TLS/RTP/SAVPF {OpusPayloadType}");
            Transport(Line, AudioMid);
            Line("a=msid:load audio");
            Line($"a=rtpmap:{OpusPayloadType} opus/48000/2");
            Line($"a=fmtp:{OpusPayloadType} minptime=10;useinbandfec=1");
            Line($"a=ssrc:{AudioSsrc} cname:{cname}");
        }
        Line($"m=video 9 UDP/TLS/RTP/SAVPF {VideoPayloadType} {RtxPayloadType}");
        Transport(Line, VideoMid);
        Line("a=msid:load video");
        Line("a=rtcp-rsize");
        Line(Codec == VideoCodec.H264 ? $"a=rtpmap:{VideoPayloadType} H264/90000" : $"a=rtpmap:{VideoPayloadType} VP8/90000");
        foreach (string feedback in new[] { "goog-remb", "ccm fir", "nack", "nack pli" })
            Line($"a=rtcp-fb:{VideoPayloadType} {feedback}");
        if (Codec == VideoCodec.H264)
            Line($"a=fmtp:{VideoPayloadType} level-asymmetry-allowed=1;packetization-mode=1;profile-level-id=42e01f");
        Line($"a=rtpmap:{RtxPayloadType} rtx/90000");
        Line($"a=fmtp:{RtxPayloadType} apt={VideoPayloadType}");
        Line($"a=ssrc-group:FID {VideoSsrc} {RtxSsrc}");
        Line($"a=ssrc:{VideoSsrc} cname:{cname}");
        Line($"a=ssrc:{RtxSsrc} cname:{cname}");
        return sdp.ToString();
    }

    private void Transport(Action<string> line, string mid)
    {
        line("c=IN IP4 0.0.0.0");
        line("a=rtcp:9 IN IP4 0.0.0.0");
        line($"a=ice-ufrag:{IceUfrag}");
        line($"a=ice-pwd:{IcePassword}");
        line($"a=fingerprint:{Fingerprint.ToSdpValue()}");
        line("a=setup:actpass");
        line($"a=mid:{mid}");
        line($"a=extmap:{MidExtensionId} urn:ietf:params:rtp-hdrext:sdes:mid");
        line("a=sendrecv");
        line("a=rtcp-mux");
    }
}
