using Microsoft.Playwright;

namespace Appliance.Browser.Tests.Echo;

/// <summary>
/// The browser's own coding path without the box: two RTCPeerConnections in the page, the
/// camera sent from one to the other in one codec, shown in <c>&lt;video id="loopback"&gt;</c>.
/// The box forwards the browser's bitstream without re-encoding it, so what the echo shows
/// should match this picture; a colour shift both show is the browser's, not the box's.
/// </summary>
public static class BrowserLoopback
{
    public const string Selector = "#loopback";

    /// <summary>Starts the loopback of the echo page's camera (<c>#preview</c>) in <paramref name="codec"/>.</summary>
    public static Task StartAsync(IPage page, string codec) => page.EvaluateAsync("""
        async codec => {
          const camera = document.getElementById('preview').srcObject.getVideoTracks()[0];
          const sender = new RTCPeerConnection(), receiver = new RTCPeerConnection();
          sender.onicecandidate = e => e.candidate && receiver.addIceCandidate(e.candidate);
          receiver.onicecandidate = e => e.candidate && sender.addIceCandidate(e.candidate);
          const video = document.createElement('video');
          video.id = 'loopback'; video.muted = true; video.autoplay = true; video.playsInline = true;
          document.body.append(video);
          receiver.ontrack = e => { video.srcObject = new MediaStream([e.track]); };
          const transceiver = sender.addTransceiver(camera, { direction: 'sendonly' });
          const wanted = RTCRtpReceiver.getCapabilities('video').codecs.filter(c =>
            c.mimeType.toLowerCase() === `video/${codec.toLowerCase()}`
            && (codec !== 'H264' || /packetization-mode=1/.test(c.sdpFmtpLine ?? '')));
          transceiver.setCodecPreferences(wanted);
          await sender.setLocalDescription();
          await receiver.setRemoteDescription(sender.localDescription);
          await receiver.setLocalDescription();
          await sender.setRemoteDescription(receiver.localDescription);
          window.__loopback = { sender, receiver };
        }
        """, codec);
}
