// The participant's own camera and microphone: permission, fallbacks and device choice.
import { mediaProblem } from './failures.js';

const VIDEO = { width: { ideal: 640 }, height: { ideal: 360 } };

/**
 * Opens the camera and microphone (the chosen devices, when given). When both cannot be had
 * together, tries each alone, so a denied or missing camera still leaves a microphone
 * (an audio-only join) and the reverse. Resolves with `{ stream, problem }`: `stream` holds
 * whatever could be opened (or is null), `problem` the sentence to show (or null).
 */
export async function openLocalMedia({ cameraId, microphoneId } = {}) {
  const video = cameraId ? { ...VIDEO, deviceId: { exact: cameraId } } : VIDEO;
  const audio = microphoneId ? { deviceId: { exact: microphoneId } } : true;
  try {
    return { stream: await navigator.mediaDevices.getUserMedia({ video, audio }), problem: null };
  } catch (both) {
    // Both together failed: find out which kind is the trouble.
    const [videoResult, audioResult] = await Promise.allSettled([
      navigator.mediaDevices.getUserMedia({ video }),
      navigator.mediaDevices.getUserMedia({ audio }),
    ]);
    const tracks = [videoResult, audioResult].filter(r => r.status === 'fulfilled').flatMap(r => r.value.getTracks());
    const videoError = videoResult.status === 'rejected' ? videoResult.reason : null;
    const audioError = audioResult.status === 'rejected' ? audioResult.reason : null;
    return {
      stream: tracks.length ? new MediaStream(tracks) : null,
      problem: mediaProblem(videoError, audioError),
    };
  }
}

/** Stops every track of a stream (a previous camera choice). */
export function stopStream(stream) {
  for (const track of stream?.getTracks() ?? []) track.stop();
}

/**
 * Fills a &lt;select&gt; with the devices of one kind ('videoinput' or 'audioinput'), the one
 * in use selected. Labels are only known after permission, so it is called after getUserMedia.
 */
export async function fillDevicePicker(select, kind, stream, noneText) {
  const devices = (await navigator.mediaDevices.enumerateDevices()).filter(d => d.kind === kind && d.deviceId);
  const inUse = stream?.getTracks().find(t => t.kind === (kind === 'videoinput' ? 'video' : 'audio'))?.getSettings().deviceId;
  select.replaceChildren();
  if (devices.length === 0) {
    select.append(new Option(noneText, '', true, true));
    select.disabled = true;
    return;
  }
  devices.forEach((device, index) => {
    const label = device.label || `${kind === 'videoinput' ? 'Camera' : 'Microphone'} ${index + 1}`;
    select.append(new Option(label, device.deviceId, false, device.deviceId === inUse));
  });
  select.disabled = false;
}
