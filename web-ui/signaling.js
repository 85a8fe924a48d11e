// The signaling WebSocket to the box: JSON messages, one object each, with a "type"
// (appliance/Appliance/Signaling/PROTOCOL.md).

/** A refusal from the box: `code` for the page, `message` a sentence for people, `detail` the whole message. */
export class SignalingError extends Error {
  constructor(detail) {
    super(detail.message ?? 'The box refused the request.');
    this.name = 'SignalingError';
    this.code = detail.code ?? 'error';
    this.detail = detail;
  }
}

/** The box could not be reached, or the connection to it was lost. */
export class UnreachableError extends Error {
  constructor(message = 'The box cannot be reached.') {
    super(message);
    this.name = 'UnreachableError';
  }
}

export class Signaling extends EventTarget {
  #socket;
  #closed = false;

  /**
   * Opens the connection and resolves once the box has answered the hello. With timeoutMs, an attempt the box
   * has not welcomed by then is closed and rejects (a box that is off may leave the connection pending for minutes).
   */
  static connect(url = `wss://${location.host}/ws`, { timeoutMs = 0 } = {}) {
    return new Promise((resolve, reject) => {
      const signaling = new Signaling();
      let socket;
      try {
        socket = new WebSocket(url);
      } catch (e) {
        reject(new UnreachableError());
        return;
      }
      signaling.#socket = socket;
      let welcomed = false;
      if (timeoutMs > 0) setTimeout(() => { if (!welcomed) socket.close(); }, timeoutMs);
      socket.addEventListener('open', () => signaling.send({ type: 'hello', protocol: 1 }));
      socket.addEventListener('message', event => {
        let message;
        try { message = JSON.parse(event.data); } catch { return; }
        if (typeof message?.type !== 'string') return;
        if (message.type === 'welcome' && !welcomed) {
          welcomed = true;
          resolve({ signaling, welcome: message });
        }
        signaling.dispatchEvent(new CustomEvent(message.type, { detail: message }));
      });
      // An error is always followed by close, so close alone settles everything.
      socket.addEventListener('close', () => {
        signaling.#closed = true;
        if (!welcomed) reject(new UnreachableError());
        signaling.dispatchEvent(new Event('close'));
      });
    });
  }

  get closed() { return this.#closed || this.#socket.readyState >= WebSocket.CLOSING; }

  send(message) {
    if (this.#socket.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(message));
  }

  close() { this.#socket.close(); }
}

/** Resolves with the next message of this type; rejects on an error message or a closed channel. */
export function waitFor(signaling, type) {
  return new Promise((resolve, reject) => {
    if (signaling.closed) { reject(new UnreachableError('The connection to the box was lost.')); return; }
    const onMessage = event => { cleanup(); resolve(event.detail); };
    const onError = event => { cleanup(); reject(new SignalingError(event.detail)); };
    const onClose = () => { cleanup(); reject(new UnreachableError('The connection to the box was lost.')); };
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
