// One WebRTC connection to the box: the page offers, the box answers (it is ICE-lite
// and DTLS-passive), then media flows both ways on that single connection.
import { waitFor } from './signaling.js';

export { waitFor } from './signaling.js';

/**
 * Joins a room through the signaling channel and connects local media to it.
 * A page without a camera (denied, absent) or without any media still receives the mix:
 * the missing kinds are offered receive-only.
 * options.role: 'participant' (default) or 'display' (receive-only, no tile, not in the roster).
 * options.codec: 'H264' or 'VP8' to offer only that video codec (tests, old devices).
 */
export async function connectToRoom(signaling, { room, name, role, stream, codec, onTrack }) {
  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
  try {
    const sending = role === 'display' ? [] : stream?.getTracks() ?? [];
    for (const track of sending) {
      const transceiver = pc.addTransceiver(track, { direction: 'sendrecv', streams: [stream] });
      if (track.kind === 'video' && codec) preferCodec(transceiver, codec);
    }
    if (!sending.some(t => t.kind === 'video')) {
      const transceiver = pc.addTransceiver('video', { direction: 'recvonly' });
      if (codec) preferCodec(transceiver, codec);
    }
    if (!sending.some(t => t.kind === 'audio')) pc.addTransceiver('audio', { direction: 'recvonly' });

    const remote = new MediaStream();
    pc.addEventListener('track', event => {
      remote.addTrack(event.track);
      onTrack?.(remote, event.track);
    });

    const joined = waitFor(signaling, 'joined');
    signaling.send(role && role !== 'participant' ? { type: 'join', room, name, role } : { type: 'join', room, name });
    const joinReply = await joined;

    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    const answered = waitFor(signaling, 'answer');
    signaling.send({ type: 'offer', sdp: pc.localDescription.sdp });
    const answer = await answered;
    await pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
    return { pc, remote, participantId: joinReply.participantId };
  } catch (e) {
    pc.close();
    throw e;
  }
}

function preferCodec(transceiver, codec) {
  const capabilities = RTCRtpReceiver.getCapabilities('video')?.codecs ?? [];
  const wanted = capabilities.filter(c => c.mimeType.toLowerCase() === `video/${codec.toLowerCase()}`
    && (codec !== 'H264' || /packetization-mode=1/.test(c.sdpFmtpLine ?? '')));
  const resilience = capabilities.filter(c => /\/(rtx|red|ulpfec)$/i.test(c.mimeType));
  if (wanted.length) transceiver.setCodecPreferences([...wanted, ...resilience]);
}
