// The join page: camera and microphone check, name and room code, then the meeting.
import { Signaling } from './signaling.js';
import { MeetingSession } from './meeting-session.js';
import { QualityMonitor } from './quality.js';
import { LevelMeter } from './level-meter.js';
import { openLocalMedia, stopStream, fillDevicePicker } from './local-media.js';
import { browserProblem, joinRefusal, unreachable } from './failures.js';
import { watchRoster, startMeeting } from './meeting.js';

const $ = id => document.getElementById(id);
const status = $('status');
const errorBox = $('error');
const form = $('join-form');
const joinButton = form.querySelector('button');
const nameInput = $('name');
const codeInput = $('code');
const cameraPicker = $('camera');
const microphonePicker = $('microphone');
const preview = $('preview');
const params = new URLSearchParams(location.search);
const NAME_KEY = 'appliance.name';

const levelMeter = new LevelMeter($('mic-level'));
let stream = null;
let lobby = null;        // the signaling channel while not in the meeting
let session = null;
let quality = null;
let controls = null;     // the in-meeting controls of the current connection (meeting.js)

codeInput.value = params.get('code') ?? '';
let codeNeeded = true;

/** A box set to need no room code (a trusted LAN) does not ask for one. */
async function learnCodePolicy() {
  try {
    const response = await fetch('/api/display', { cache: 'no-store' });
    if (!response.ok) return;
    const { codePolicy } = await response.json();
    codeNeeded = codePolicy !== 'none';
    $('code-field').hidden = !codeNeeded;
  } catch {
    // The box is unreachable: connectLobby says so; the field stays.
  }
}
nameInput.value = localStorage.getItem(NAME_KEY) ?? '';

function showError(sentence) {
  errorBox.textContent = sentence;
  errorBox.hidden = !sentence;
}

function showMediaProblem(sentence) {
  $('media-problem').textContent = sentence ?? '';
  $('media-problem').hidden = !sentence;
}

/** Opens the camera and microphone (the chosen ones), shows the preview and the level. */
async function startPreview(choice) {
  stopStream(stream);
  const opened = await openLocalMedia(choice);
  stream = opened.stream;
  showMediaProblem(opened.problem);
  preview.srcObject = stream;
  const hasVideo = !!stream?.getVideoTracks().length;
  preview.hidden = !hasVideo;
  $('preview-off').hidden = hasVideo;
  $('preview-off').textContent = opened.problem ? 'No camera: you join with sound only' : 'Camera off';
  levelMeter.attach(stream);
  await Promise.all([
    fillDevicePicker(cameraPicker, 'videoinput', stream, 'No camera'),
    fillDevicePicker(microphonePicker, 'audioinput', stream, 'No microphone'),
  ]);
  await session?.replaceStream(stream);
  return stream;
}

function onDeviceChosen() {
  window.appliance.preview = startPreview({ cameraId: cameraPicker.value || undefined, microphoneId: microphonePicker.value || undefined });
}

/** Connects the lobby's signaling channel, retrying with growing pauses while the box cannot be reached. */
async function connectLobby() {
  for (let attempt = 0; ; attempt++) {
    try {
      const { signaling, welcome } = await Signaling.connect();
      lobby = signaling;
      watchRoster(signaling); // the box sends the first roster before the answer
      document.body.dataset.connectionId = welcome.connectionId;
      status.textContent = 'Connected to the box. Type your name and the room code, then join.';
      if (errorBox.dataset.kind === 'unreachable') { showError(''); delete errorBox.dataset.kind; }
      joinButton.disabled = false;
      signaling.addEventListener('close', () => {
        if (lobby !== signaling) return;
        lobby = null;
        joinButton.disabled = true;
        status.textContent = 'Connecting to the box…';
        connectLobby();
      });
      return;
    } catch {
      status.textContent = 'Not connected to the box. Trying again…';
      showError(unreachable());
      errorBox.dataset.kind = 'unreachable';
      await new Promise(resolve => setTimeout(resolve, Math.min(10000, 1000 * 2 ** attempt)));
    }
  }
}

async function join(event) {
  event.preventDefault();
  showError('');
  const name = nameInput.value.trim();
  const room = codeInput.value.trim();
  if (!name) { showError('Type your name, so the others know who you are.'); nameInput.focus(); return; }
  if (!room && codeNeeded) { showError('Type the room code shown on the room\'s screen.'); codeInput.focus(); return; }
  if (!lobby) { showError(unreachable()); return; }
  localStorage.setItem(NAME_KEY, name);
  joinButton.disabled = true;
  status.textContent = 'Joining the meeting…';
  await window.appliance.preview;
  const signaling = lobby;
  lobby = null; // the session owns this channel from now on
  session = new MeetingSession({
    room, name, stream, codec: params.get('codec') ?? undefined, onTrack: showRemote,
    // A rejoin opens a new channel: keep its first roster too.
    connectSignaling: async options => { const connected = await Signaling.connect(undefined, options); watchRoster(connected.signaling); return connected; },
  });
  session.addEventListener('connection', event => {
    window.appliance.meeting = event.detail;
    controls?.dispose();
    controls = startMeeting({ signaling: event.detail.signaling, connection: event.detail, stream, codec: params.get('codec') ?? undefined });
    window.appliance.controls = controls;
  });
  session.addEventListener('state', onSessionState);
  try {
    await session.start(signaling);
  } catch (e) {
    session = null;
    showError(joinRefusal(e));
    status.textContent = 'Not in the meeting.';
    signaling.close();
    connectLobby();
    return;
  }
  enterMeeting();
}

function showRemote(remote) {
  $('remote').srcObject = remote;
  $('remote-audio').srcObject = remote;
}

function enterMeeting() {
  $('prejoin').hidden = true;
  $('meeting').hidden = false;
  document.body.classList.add('in-meeting');
  document.title = 'In the meeting';
  status.textContent = 'In the meeting.';
  window.dispatchEvent(new CustomEvent('appliance:joined', { detail: { session } }));
}

function onSessionState(event) {
  const { state } = event.detail;
  const banner = $('banner');
  const connection = session?.connection;
  document.body.dataset.meeting = state;
  switch (state) {
    case 'connected':
    case 'back':
      quality?.stop();
      quality = new QualityMonitor(connection.pc, $('quality'));
      quality.start();
      banner.textContent = state === 'back' ? 'You are back in the meeting.' : '';
      banner.hidden = state !== 'back';
      banner.className = 'banner ok';
      if (state === 'back') setTimeout(() => { if (banner.textContent === 'You are back in the meeting.') banner.hidden = true; }, 4000);
      break;
    case 'reconnecting':
      quality?.stop();
      banner.textContent = 'Reconnecting to the box…';
      banner.className = 'banner warn';
      banner.hidden = false;
      break;
    case 'ended':
      leaveMeeting(event.detail);
      break;
  }
}

function leaveMeeting({ reason, error }) {
  controls?.dispose();
  controls = null;
  quality?.stop();
  session = null;
  window.appliance.meeting = null;
  $('meeting').hidden = true;
  $('prejoin').hidden = false;
  document.body.classList.remove('in-meeting');
  document.title = 'Join the meeting';
  $('remote').srcObject = null;
  showError(error ? joinRefusal(error) : reason);
  status.textContent = 'Not in the meeting.';
  window.dispatchEvent(new CustomEvent('appliance:left'));
  connectLobby();
}

cameraPicker.addEventListener('change', onDeviceChosen);
microphonePicker.addEventListener('change', onDeviceChosen);
form.addEventListener('submit', join);

const problem = browserProblem();
window.appliance = { preview: Promise.resolve(null), connected: Promise.resolve(), meeting: null, session: () => session };
if (problem) {
  showError(problem);
  status.textContent = 'This browser cannot join from here.';
} else {
  window.appliance.preview = startPreview();
  window.appliance.connected = connectLobby();
  learnCodePolicy();
}
