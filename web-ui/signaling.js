// The signaling WebSocket to the box: JSON messages, one object each, with a "type".

export class Signaling extends EventTarget {
  #socket;

  /** Opens the connection and resolves once the box has answered the hello. */
  static connect(url = `wss://${location.host}/ws`) {
    return new Promise((resolve, reject) => {
      const signaling = new Signaling();
      const socket = new WebSocket(url);
      signaling.#socket = socket;
      socket.addEventListener('open', () => signaling.send({ type: 'hello', protocol: 1 }));
      socket.addEventListener('error', () => reject(new Error('The box cannot be reached. Check that this device is on the same network as the box, then reload the page.')));
      socket.addEventListener('message', event => {
        let message;
        try { message = JSON.parse(event.data); } catch { return; }
        if (message.type === 'welcome') resolve({ signaling, welcome: message });
        signaling.dispatchEvent(new CustomEvent(message.type, { detail: message }));
      });
      socket.addEventListener('close', () => signaling.dispatchEvent(new Event('close')));
    });
  }

  send(message) { this.#socket.send(JSON.stringify(message)); }
  close() { this.#socket.close(); }
}
