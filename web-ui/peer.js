// One WebRTC connection to the box: the page offers, the box answers (it is ICE-lite
// and DTLS-passive), then media flows both ways on that single connection.

/**
 * Connects local media to a room through the signaling channel.
 * options.codec: 'H264' or 'VP8' to offer only that video codec (tests, old devices).
 */
export async function connectToRoom(signaling, { room, name, stream, codec, onTrack }) {
  const pc = new RTCPeerConnection({ bundlePolicy: 'max-bundle', rtcpMuxPolicy: 'require' });
  for (const track of stream?.getTracks() ?? []) {
    const transceiver = pc.addTransceiver(track, { direction: 'sendrecv', streams: [stream] });
    if (track.kind === 'video' && codec) preferCodec(transceiver, codec);
  }
  if (!stream?.getVideoTracks().length) pc.addTransceiver('video', { direction: 'recvonly' });
  if (!stream?.getAudioTracks().length) pc.addTransceiver('audio', { direction: 'recvonly' });

  const remote = new MediaStream();
  pc.addEventListener('track', event => {
    remote.addTrack(event.track);
    onTrack?.(remote, event.track);
  });

  const joined = waitFor(signaling, 'joined');
  signaling.send({ type: 'join', room, name });
  const joinReply = await joined;

  const offer = await pc.createOffer();
  await pc.setLocalDescription(offer);
  const answered = waitFor(signaling, 'answer');
  signaling.send({ type: 'offer', sdp: pc.localDescription.sdp });
  const answer = await answered;
  await pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
  return { pc, remote, participantId: joinReply.participantId };
}

function preferCodec(transceiver, codec) {
  const capabilities = RTCRtpReceiver.getCapabilities('video')?.codecs ?? [];
  const wanted = capabilities.filter(c => c.mimeType.toLowerCase() === `video/${codec.toLowerCase()}`
    && (codec !== 'H264' || /packetization-mode=1/.test(c.sdpFmtpLine ?? '')));
  const resilience = capabilities.filter(c => /\/(rtx|red|ulpfec)$/i.test(c.mimeType));
  if (wanted.length) transceiver.setCodecPreferences([...wanted, ...resilience]);
}

/** Resolves with the next message of this type; rejects on an error message or a closed channel. */
export function waitFor(signaling, type) {
  return new Promise((resolve, reject) => {
    const onMessage = event => { cleanup(); resolve(event.detail); };
    const onError = event => { cleanup(); reject(new Error(event.detail.message)); };
    const onClose = () => { cleanup(); reject(new Error('The connection to the box was lost. Reload the page to try again.')); };
    const cleanup = () => {
      signaling.removeEventListener(type, onMessage);
      signaling.removeEventListener('error', onError);
      signaling.removeEventListener('close', onClose);
    };
    signaling.addEventListener(type, onMessage);
    signaling.addEventListener('error', onError);
    signaling.addEventListener('close', onClose);
  });
}
