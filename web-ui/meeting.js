// The in-meeting view: microphone, camera, screen-share and leave controls, and the participant
// list with speaking indicators, fed by the box's "roster" messages (appliance/Appliance/Signaling/PROTOCOL.md).
import { waitFor } from './peer.js';

let latestRoster = null;
let rosterListener = null;

/** Keeps the latest roster from the moment the page is connected, so the first one is never missed. */
export function watchRoster(signaling) {
  signaling.addEventListener('roster', event => {
    latestRoster = event.detail;
    rosterListener?.(latestRoster);
  });
}

function button(label, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

/**
 * Shows the controls and the participant list for a joined meeting.
 * connection: { pc, remote, participantId } from connectToRoom; stream: the local camera and microphone (or null).
 */
export function startMeeting({ signaling, connection, stream, codec, onLeft }) {
  const { pc, participantId } = connection;
  const audioTrack = stream?.getAudioTracks()[0];
  const videoTrack = stream?.getVideoTracks()[0];
  const state = { micMuted: false, cameraOff: false, sharing: false, screen: null, busy: false };

  const section = document.createElement('section');
  section.id = 'meeting-panel';
  section.setAttribute('aria-label', 'Meeting controls');
  const controls = document.createElement('div');
  controls.className = 'controls';
  controls.setAttribute('role', 'toolbar');
  controls.setAttribute('aria-label', 'Meeting controls');
  const micButton = button('Mute microphone', () => setMic(!state.micMuted));
  micButton.id = 'mic-button';
  const cameraButton = button('Stop camera', () => setCamera(!state.cameraOff));
  cameraButton.id = 'camera-button';
  const shareButton = button('Share screen', () => (state.sharing ? stopShare() : startShare()));
  shareButton.id = 'share-button';
  const leaveButton = button('Leave', leave);
  leaveButton.id = 'leave-button';
  leaveButton.className = 'leave';
  micButton.disabled = !audioTrack;
  cameraButton.disabled = !videoTrack;
  shareButton.disabled = !navigator.mediaDevices?.getDisplayMedia;
  for (const b of [micButton, cameraButton, shareButton]) b.setAttribute('aria-pressed', 'false');
  controls.append(micButton, cameraButton, shareButton, leaveButton);

  const heading = document.createElement('h2');
  heading.id = 'participants-heading';
  heading.textContent = 'In the meeting';
  const list = document.createElement('ul');
  list.id = 'participants';
  list.setAttribute('aria-labelledby', heading.id);
  const notice = document.createElement('p');
  notice.id = 'meeting-notice';
  notice.setAttribute('role', 'status');
  notice.setAttribute('aria-live', 'polite');
  section.append(controls, notice, heading, list);
  document.getElementById('meeting-controls').replaceChildren(section);

  function say(sentence) { notice.textContent = sentence; }

  function showButtons() {
    micButton.textContent = state.micMuted ? 'Unmute microphone' : 'Mute microphone';
    micButton.setAttribute('aria-pressed', String(state.micMuted));
    cameraButton.textContent = state.cameraOff ? 'Start camera' : 'Stop camera';
    cameraButton.setAttribute('aria-pressed', String(state.cameraOff));
    shareButton.textContent = state.sharing ? 'Stop sharing' : 'Share screen';
    shareButton.setAttribute('aria-pressed', String(state.sharing));
  }

  function setMic(muted) {
    state.micMuted = muted;
    if (audioTrack) audioTrack.enabled = !muted;
    signaling.send({ type: 'mute', audio: muted });
    showButtons();
  }

  function setCamera(off) {
    state.cameraOff = off;
    if (videoTrack) videoTrack.enabled = !off;
    signaling.send({ type: 'mute', video: off });
    showButtons();
  }

  async function renegotiate() {
    const offer = await pc.createOffer();
    await pc.setLocalDescription(offer);
    const answered = waitFor(signaling, 'answer');
    signaling.send({ type: 'offer', sdp: pc.localDescription.sdp });
    const answer = await answered;
    await pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
  }

  async function startShare() {
    if (state.busy) return;
    state.busy = true;
    try {
      let display;
      try {
        display = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: 15 }, audio: false });
      } catch (e) {
        say(e.name === 'NotAllowedError'
          ? 'Screen sharing was not started. Choose Share screen again and pick a screen or window to share.'
          : `Your screen could not be shared (${e.name}). Try again, or share a single window.`);
        return;
      }
      const track = display.getVideoTracks()[0];
      track.addEventListener('ended', () => { if (state.sharing) stopShare(); });
      signaling.send({ type: 'share', active: true });
      state.screen = pc.addTransceiver(track, { direction: 'sendonly', streams: [display] });
      if (codec) preferScreenCodec(state.screen, codec);
      state.sharing = true;
      showButtons();
      await renegotiate();
      say('You are sharing your screen.');
    } catch (e) {
      say(e.message);
    } finally {
      state.busy = false;
    }
  }

  async function stopShare() {
    if (state.busy || !state.screen) return;
    state.busy = true;
    try {
      state.screen.sender.track?.stop();
      state.screen.stop();
      state.screen = null;
      state.sharing = false;
      showButtons();
      signaling.send({ type: 'share', active: false });
      await renegotiate();
      say('You stopped sharing your screen.');
    } catch (e) {
      say(e.message);
    } finally {
      state.busy = false;
    }
  }

  function leave() {
    signaling.send({ type: 'leave' });
  }

  function renderRoster(roster) {
    const items = roster.participants.map(p => {
      const item = document.createElement('li');
      item.dataset.id = p.id;
      item.dataset.speaking = String(p.speaking);
      item.dataset.micMuted = String(p.micMuted);
      item.dataset.cameraOff = String(p.cameraOff);
      item.dataset.sharing = String(p.sharing);
      item.dataset.activeSpeaker = String(p.id === roster.activeSpeakerId);
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = p.id === participantId ? `${p.name} (you)` : p.name;
      const states = [];
      if (p.id === roster.activeSpeakerId && roster.layout === 'activeSpeaker') states.push('shown large');
      if (p.speaking) states.push('speaking');
      if (p.micMuted) states.push('microphone muted');
      if (p.cameraOff) states.push('camera off');
      if (p.sharing) states.push('sharing the screen');
      const indicator = document.createElement('span');
      indicator.className = p.speaking ? 'indicator speaking' : 'indicator';
      indicator.setAttribute('aria-hidden', 'true');
      const detail = document.createElement('span');
      detail.className = 'states';
      detail.textContent = states.length ? ` — ${states.join(', ')}` : '';
      item.append(indicator, name, detail);
      return item;
    });
    list.replaceChildren(...items);
    // The admin may have muted this participant: follow the box.
    const me = roster.participants.find(p => p.id === participantId);
    if (me?.micMuted && !state.micMuted) {
      state.micMuted = true;
      if (audioTrack) audioTrack.enabled = false;
      showButtons();
      say('The meeting\'s admin muted your microphone. Choose Unmute microphone to speak again.');
    }
  }

  function onDisconnected(event) {
    say(event.detail.reason);
    for (const b of [micButton, cameraButton, shareButton, leaveButton]) b.disabled = true;
    pc.close();
    rosterListener = null;
    onLeft?.(event.detail);
  }

  signaling.addEventListener('disconnected', onDisconnected, { once: true });
  rosterListener = renderRoster;
  if (latestRoster) renderRoster(latestRoster);
  showButtons();
  /** Removes this connection's controls (the page left, or rejoined on a new connection). */
  function dispose() {
    signaling.removeEventListener('disconnected', onDisconnected);
    if (rosterListener === renderRoster) rosterListener = null;
    section.remove();
  }

  return { state, setMic, setCamera, startShare, stopShare, leave, dispose };
}

function preferScreenCodec(transceiver, codec) {
  const capabilities = RTCRtpSender.getCapabilities?.('video')?.codecs ?? [];
  const wanted = capabilities.filter(c => c.mimeType.toLowerCase() === `video/${codec.toLowerCase()}`);
  const resilience = capabilities.filter(c => /\/(rtx|red|ulpfec)$/i.test(c.mimeType));
  if (wanted.length && transceiver.setCodecPreferences) transceiver.setCodecPreferences([...wanted, ...resilience]);
}
