// The echo check: join the box's echo room and show what comes back.
import { Signaling } from './signaling.js';
import { connectToRoom } from './peer.js';

const status = document.getElementById('status');
const errorBox = document.getElementById('error');
const params = new URLSearchParams(location.search);

async function run() {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 360 }, audio: true });
  document.getElementById('preview').srcObject = stream;
  status.textContent = 'Connecting to the box…';
  const { signaling } = await Signaling.connect();
  const connection = await connectToRoom(signaling, {
    room: 'echo',
    name: params.get('name') ?? 'echo check',
    stream,
    codec: params.get('codec') ?? undefined,
    onTrack: remote => {
      document.getElementById('remote').srcObject = remote;
      document.getElementById('remote-audio').srcObject = remote;
    },
  });
  // The box ends the connection itself when it stops hearing from this page's peer
  // connection (ICE consent expired, RFC 7675): say so, and record why for tests.
  signaling.addEventListener('disconnected', event => {
    const reason = event.detail.reason ?? 'the connection closed';
    document.body.dataset.disconnected = reason;
    status.textContent = `The box ended the connection: ${reason.replace(/\.$/, '')}.`;
  });
  connection.pc.addEventListener('connectionstatechange', () => {
    status.textContent = { connected: 'Connected: this is what the box receives from you.',
      failed: 'The connection failed. Check that this device is on the same network as the box.' }[connection.pc.connectionState] ?? status.textContent;
  });
  return connection;
}

window.appliance = { echo: run().catch(e => {
  errorBox.textContent = e.message;
  errorBox.hidden = false;
  throw e;
}) };
