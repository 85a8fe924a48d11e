// The join page: camera preview, then a hello to the box over the signaling WebSocket.
import { Signaling } from './signaling.js';
import { connectToRoom } from './peer.js';
import { watchRoster, startMeeting } from './meeting.js';

const status = document.getElementById('status');
const errorBox = document.getElementById('error');
const preview = document.getElementById('preview');
const joinButton = document.querySelector('#join-form button');
const params = new URLSearchParams(location.search);
document.getElementById('code').value = params.get('code') ?? '';

function showError(sentence) {
  errorBox.textContent = sentence;
  errorBox.hidden = false;
}

async function startPreview() {
  if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
    showError('This page needs a secure connection to use your camera. Open it with https:// and the box\'s address.');
    return null;
  }
  if (!window.RTCPeerConnection) {
    showError('This browser cannot take part in video meetings. Use a current Chrome, Edge, Firefox or Safari.');
    return null;
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360 }, audio: true });
    preview.srcObject = stream;
    return stream;
  } catch (e) {
    if (e.name === 'NotAllowedError') showError('The browser was not allowed to use your camera and microphone. Allow them in the address bar, then reload the page.');
    else if (e.name === 'NotFoundError') showError('No camera or microphone was found. You can still join and listen.');
    else showError(`Your camera could not be started (${e.name}). Close other programs that use it, then reload the page.`);
    return null;
  }
}

let signaling;

async function join(event) {
  event.preventDefault();
  errorBox.hidden = true;
  joinButton.disabled = true;
  const stream = await window.appliance.preview;
  try {
    const connection = await connectToRoom(signaling, {
      room: document.getElementById('code').value.trim(),
      name: document.getElementById('name').value.trim(),
      stream,
      codec: params.get('codec') ?? undefined,
      onTrack: remote => {
        const video = document.getElementById('remote');
        video.srcObject = remote;
        video.hidden = false;
        document.getElementById('remote-audio').srcObject = remote;
      },
    });
    status.textContent = 'In the meeting.';
    window.appliance.meeting = connection;
    window.appliance.controls = startMeeting({ signaling, connection, stream, codec: params.get('codec') ?? undefined });
  } catch (e) {
    showError(e.message);
    joinButton.disabled = false;
  }
}

document.getElementById('join-form').addEventListener('submit', join);

async function connect() {
  try {
    const connected = await Signaling.connect();
    signaling = connected.signaling;
    watchRoster(signaling);
    const welcome = connected.welcome;
    status.textContent = `Connected to the box (version ${welcome.version}).`;
    document.body.dataset.connectionId = welcome.connectionId;
    joinButton.disabled = false;
  } catch (e) {
    status.textContent = 'Not connected.';
    showError(e.message);
  }
}

window.appliance = { preview: startPreview(), connected: connect() };
