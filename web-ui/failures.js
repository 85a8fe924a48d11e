// Every failure the join page can meet, as a sentence that says what to do.

/** The browser cannot take part at all: no secure context or no WebRTC. Null when it can. */
export function browserProblem() {
  if (!window.isSecureContext) {
    return `This page was opened without https://, so the browser will not share a camera or microphone. `
      + `Open https://${location.hostname}/ instead (the room's screen shows the address).`;
  }
  if (!window.RTCPeerConnection || !navigator.mediaDevices?.getUserMedia) {
    return 'This browser cannot join video meetings. Open this page in a current Chrome, Edge, Firefox or Safari.';
  }
  return null;
}

/** What to tell the participant when the box refuses to let them join (a signaling error code). */
export function joinRefusal(error) {
  switch (error.code) {
    case 'unknown-room':
      return 'There is no meeting with this code. Check the code on the room\'s screen and type it again.';
    case 'code-expired':
      return 'This room code has expired. The room\'s screen shows the new one: type it and join again.';
    case 'room-full':
      return 'The meeting is full. Ask someone to leave, or ask the box\'s admin to allow more participants.';
    case 'too-many-attempts':
      return `Too many wrong codes were tried from this device. ${retryAfter(error.detail?.retryAfterSeconds)}`;
    case 'invalid-message':
    case 'already-joined':
      return error.message;
    default:
      if (error.name === 'UnreachableError') return unreachable();
      return error.message || 'The box could not add you to the meeting. Reload the page and try again.';
  }
}

export function unreachable() {
  return 'The box cannot be reached. Check that this device is on the same network (Wi-Fi) as the box; the page keeps trying.';
}

/** "Wait 45 seconds and try again (after 14:32)." */
export function retryAfter(seconds) {
  const wait = Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : 60;
  const at = new Date(Date.now() + wait * 1000).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  const span = wait < 90 ? `${wait} seconds` : `${Math.ceil(wait / 60)} minutes`;
  return `Wait ${span} and try again (after ${at}).`;
}

/**
 * What to say about the camera and microphone after getUserMedia: `videoError` and
 * `audioError` are the DOMExceptions of the kinds that could not be had (or null).
 */
export function mediaProblem(videoError, audioError) {
  if (!videoError && !audioError) return null;
  if (videoError && audioError) {
    if (videoError.name === 'NotAllowedError' || audioError.name === 'NotAllowedError') {
      return 'The browser is not allowed to use your camera or microphone, so you can only watch and listen. '
        + 'To take part, allow both in the address bar and reload the page.';
    }
    if (videoError.name === 'NotFoundError' && audioError.name === 'NotFoundError') {
      return 'No camera or microphone was found, so you can only watch and listen. Connect one and reload the page.';
    }
    return `Your camera and microphone could not be started (${videoError.name}). `
      + 'Close other programs that use them, then reload the page; you can still join to watch and listen.';
  }
  if (videoError) {
    switch (videoError.name) {
      case 'NotAllowedError':
        return 'The browser is not allowed to use your camera, so you will join with sound only. '
          + 'To be seen, allow the camera in the address bar and reload the page.';
      case 'NotFoundError':
      case 'OverconstrainedError':
        return 'No camera was found, so you will join with sound only.';
      case 'NotReadableError':
        return 'Your camera is in use by another program. Close that program or choose another camera; until then you join with sound only.';
      default:
        return `Your camera could not be started (${videoError.name}), so you will join with sound only. Reload the page to try again.`;
    }
  }
  switch (audioError.name) {
    case 'NotAllowedError':
      return 'The browser is not allowed to use your microphone, so others will not hear you. '
        + 'To speak, allow the microphone in the address bar and reload the page.';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No microphone was found, so others will not hear you.';
    default:
      return `Your microphone could not be started (${audioError.name}). Close other programs that use it, or choose another one.`;
  }
}
