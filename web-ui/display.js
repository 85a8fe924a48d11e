// The room display: the room's name, the box's address, the room code in large type and a
// QR code that opens the join page with the code filled in. While people are in the meeting
// it shows the mix full-screen as a receive-only "display" member, the code in a corner.
import { Signaling } from './signaling.js';
import { MeetingSession } from './meeting-session.js';

const $ = id => document.getElementById(id);
/** How often the display asks for the current code (it may rotate). */
const REFRESH_MS = 5000;

let info = null;
let session = null;
let inMeeting = false;

async function loadInfo() {
  const response = await fetch('/api/display', { cache: 'no-store' });
  if (!response.ok) throw new Error(`the box answered ${response.status}`);
  const next = await response.json();
  const changed = !info || next.roomCode !== info.roomCode || next.joinUrl !== info.joinUrl || next.roomName !== info.roomName
    || next.setupCode !== info.setupCode;
  info = next;
  if (changed) render();
  return info;
}

function render() {
  const code = info.roomCode || '';
  const address = info.address.replace(/^https:\/\//, '');
  $('room-name').textContent = info.roomName;
  document.title = `${info.roomName}: join the meeting`;
  $('address').textContent = address;
  $('corner-address').textContent = address;
  $('room-code').textContent = code || 'No code needed';
  $('room-code').classList.toggle('long', (code || 'No code needed').length > 9);
  $('corner-code').textContent = code;
  $('code-step').textContent = code ? '2. Type the room code' : '2. Type your name and join';
  // The QR image is the server's rendering of the current join URL; the query only makes it a new image.
  const qr = `/display/qr.svg?for=${encodeURIComponent(code)}`;
  $('qr').src = qr;
  $('corner-qr').src = qr;
  document.body.dataset.roomCode = code;
  const setup = info.setupCode;
  $('setup').hidden = !setup;
  if (setup) {
    $('setup-code').textContent = setup;
    $('admin-address').textContent = `${address}/admin`;
  }
}

function showMeeting(active) {
  if (active === inMeeting) return;
  inMeeting = active;
  $('lobby').hidden = active;
  $('display-meeting').hidden = !active;
  $('sound').hidden = !active;
  document.body.dataset.view = active ? 'meeting' : 'lobby';
}

/** Joins as the room's display: receives the mix, sends nothing, is not a tile. */
async function joinAsDisplay() {
  const { signaling } = await Signaling.connect();
  session = new MeetingSession({
    room: async () => (await loadInfo()).roomCode,
    name: 'Room display',
    role: 'display',
    stream: null,
    onTrack: remote => { $('mix').srcObject = remote; },
  });
  session.addEventListener('roster', event => showMeeting((event.detail.participants ?? []).length > 0));
  session.addEventListener('connection', event => { window.appliance.meeting = event.detail; });
  session.addEventListener('state', event => {
    const { state } = event.detail;
    document.body.dataset.meeting = state;
    $('display-status').textContent = {
      connected: '',
      back: '',
      reconnecting: 'Reconnecting to the box…',
      ended: 'Not connected to the meeting. Reload the page to try again.',
    }[state] ?? '';
    if (state === 'ended') {
      // A rejoin the box refused (the code rotated meanwhile): start again with the current code.
      showMeeting(false);
      session = null;
      setTimeout(keepJoined, 2000);
    }
  });
  await session.start(signaling);
}

$('sound').addEventListener('click', () => {
  const video = $('mix');
  video.muted = !video.muted;
  $('sound').setAttribute('aria-pressed', String(!video.muted));
  $('sound').textContent = video.muted ? 'Turn sound on' : 'Turn sound off';
});

async function run() {
  for (let attempt = 0; ; attempt++) {
    try {
      await loadInfo();
      $('display-status').textContent = '';
      break;
    } catch {
      $('display-status').textContent = 'The box cannot be reached. Check the network cable or Wi-Fi; the page keeps trying.';
      await new Promise(resolve => setTimeout(resolve, Math.min(10000, 1000 * 2 ** attempt)));
    }
  }
  setInterval(() => loadInfo().catch(() => {}), REFRESH_MS);
  await keepJoined();
}

async function keepJoined() {
  for (let attempt = 0; !session; attempt++) {
    try {
      await joinAsDisplay();
    } catch (e) {
      session = null;
      $('display-status').textContent = `The room display cannot join the meeting: ${e.message}`;
      await new Promise(resolve => setTimeout(resolve, Math.min(10000, 1000 * 2 ** attempt)));
    }
  }
}

window.appliance = { meeting: null, ready: run() };
