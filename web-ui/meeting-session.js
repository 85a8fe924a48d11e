// Being in the meeting, and getting back into it: when the signaling socket or the peer
// connection drops (the box restarted, the Wi-Fi blipped) the session says so, retries with
// growing pauses and rejoins the same room under the same name by itself.
import { Signaling } from './signaling.js';
import { connectToRoom } from './peer.js';

/**
 * Pauses between reconnection attempts, in milliseconds, each ±20 % at random so a room's pages do not come back
 * in step; the last one repeats. A box that restarts (or was unplugged) is back within 5 s of serving again when
 * the longest pause stays near 2 s: a refused attempt costs the box nothing, and a room has at most a few dozen pages.
 */
const BACKOFF_MS = [500, 1000, 2000];

/** How long one attempt may wait for the box's welcome: a box that is off may never refuse the connection. */
const ATTEMPT_TIMEOUT_MS = 4000;

/** How long a peer connection may stay 'disconnected' (ICE lost, may come back) before rejoining. */
const DISCONNECTED_GRACE_MS = 5000;

/** Refusals that retrying cannot fix: the session ends and the page says why. */
const FINAL_CODES = new Set(['unknown-room', 'code-expired', 'room-full', 'too-many-attempts', 'invalid-message']);

/**
 * Events:
 *  'connection' {pc, remote, participantId, signaling}: a (re)joined connection, before media flows;
 *  'state' {state}: 'connected' (media flows), 'reconnecting', 'back' (media flows again after a
 *     reconnection), 'ended' {reason, code, error} (left, removed, or a rejoin the box refused);
 *  every box message of the current connection (e.g. 'roster') is passed on under its own type.
 */
export class MeetingSession extends EventTarget {
  #options;
  #signaling = null;
  #connection = null;
  #ended = false;
  #reconnecting = false;
  #graceTimer = 0;
  /** True from the moment the page said "reconnecting" until media flows again. */
  #away = false;

  /**
   * options: room (string, or async function giving the code to use, e.g. the display's current one),
   * name, role, stream, codec, onTrack(remote, track), connectSignaling(options) (default Signaling.connect with those options).
   */
  constructor(options) {
    super();
    this.#options = options;
  }

  get connection() { return this.#connection; }
  get signaling() { return this.#signaling; }

  /** First join, on an open signaling channel. Rejects with the box's refusal (SignalingError) or UnreachableError. */
  async start(signaling) {
    await this.#join(signaling);
  }

  /** Leaves the meeting for good: no reconnection after this. */
  leave() {
    if (this.#ended) return;
    this.#signaling?.send({ type: 'leave' });
    this.#end({ reason: 'You left the meeting.', code: 'left' });
  }

  /** Replaces the media the page sends (another camera or microphone) on the live connection and on rejoins. */
  async replaceStream(stream) {
    this.#options.stream = stream;
    const pc = this.#connection?.pc;
    if (!pc) return;
    for (const sender of pc.getSenders()) {
      const track = stream?.getTracks().find(t => t.kind === sender.track?.kind);
      if (track && sender.track) await sender.replaceTrack(track);
    }
  }

  async #join(signaling) {
    const room = typeof this.#options.room === 'function' ? await this.#options.room() : this.#options.room;
    const connection = await connectToRoom(signaling, { ...this.#options, room });
    if (this.#ended) { connection.pc.close(); signaling.close(); return; }
    this.#signaling = signaling;
    this.#connection = connection;
    this.#watch(signaling, connection);
    this.dispatchEvent(new CustomEvent('connection', { detail: { ...connection, signaling } }));
  }

  #watch(signaling, connection) {
    const current = () => this.#signaling === signaling && !this.#ended;
    const forward = event => { if (current()) this.dispatchEvent(new CustomEvent(event.type, { detail: event.detail })); };
    for (const type of ['roster', 'connected']) signaling.addEventListener(type, forward);
    signaling.addEventListener('disconnected', event => {
      if (!current()) return;
      const { code, reason } = event.detail;
      if (code === 'kicked') this.#end({ reason: 'You were removed from the meeting by the box\'s admin.', code });
      else if (code === 'left') this.#end({ reason: 'You left the meeting.', code });
      else this.#reconnect(); // timeout, closed: the box lost this page's media; come back.
    });
    signaling.addEventListener('close', () => { if (current()) this.#reconnect(); });
    const pc = connection.pc;
    pc.addEventListener('connectionstatechange', () => {
      if (!current()) return;
      clearTimeout(this.#graceTimer);
      switch (pc.connectionState) {
        case 'connected':
          this.#announce(this.#away ? 'back' : 'connected');
          this.#away = false;
          break;
        case 'disconnected':
          // ICE may find its way back by itself; say so now, rejoin if it does not.
          this.#away = true;
          this.#announce('reconnecting');
          this.#graceTimer = setTimeout(() => { if (current()) this.#reconnect(); }, DISCONNECTED_GRACE_MS);
          break;
        case 'failed':
          this.#reconnect();
          break;
      }
    });
  }

  #announce(state) {
    this.dispatchEvent(new CustomEvent('state', { detail: { state } }));
  }

  async #reconnect() {
    if (this.#reconnecting || this.#ended) return;
    this.#reconnecting = true;
    clearTimeout(this.#graceTimer);
    this.#away = true;
    this.#announce('reconnecting');
    const old = this.#signaling;
    this.#signaling = null;
    old?.send({ type: 'leave' });
    old?.close();
    this.#connection?.pc.close();
    this.#connection = null;
    const connect = this.#options.connectSignaling ?? (options => Signaling.connect(undefined, options));
    for (let attempt = 0; !this.#ended; attempt++) {
      await new Promise(resolve => setTimeout(resolve, BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)] * (0.8 + 0.4 * Math.random())));
      if (this.#ended) break;
      let signaling;
      try {
        ({ signaling } = await connect({ timeoutMs: ATTEMPT_TIMEOUT_MS }));
        await this.#join(signaling);
        break;
      } catch (e) {
        signaling?.close();
        if (FINAL_CODES.has(e.code)) {
          this.#end({ reason: null, code: e.code, error: e });
          break;
        }
        this.dispatchEvent(new CustomEvent('retry', { detail: { attempt: attempt + 1, error: e } }));
      }
    }
    this.#reconnecting = false;
  }

  #end(detail) {
    if (this.#ended) return;
    this.#ended = true;
    clearTimeout(this.#graceTimer);
    this.#connection?.pc.close();
    this.#signaling?.close();
    this.dispatchEvent(new CustomEvent('state', { detail: { state: 'ended', ...detail } }));
  }
}
