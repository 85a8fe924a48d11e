using Appliance.WebRtc;

namespace Appliance.Conference;

/// <summary>
/// The echo room: whoever joins receives their own camera and microphone back through the
/// box's whole receive and send path (SRTP, jitter buffer, depacketizer, whole frames,
/// packetizer, new SSRCs, SRTP again). It proves the transport with a real browser, and it
/// is the "check your camera and connection" page for users.
/// </summary>
public static class EchoRoom
{
    public const string Name = "echo";

    public static void Attach(PeerConnection peer)
    {
        peer.VideoFrameReceived += (connection, frame) => connection.SendVideoFrame(frame.Data, frame.RtpTimestamp);
        peer.AudioPacketReceived += (connection, opus, timestamp) => connection.SendAudio(opus, timestamp);
        // The box's outgoing video is the participant's own: its key frames come from the browser.
        peer.KeyFrameRequested += connection => connection.RequestKeyFrame();
    }
}
