// The connection-quality indicator: round-trip time, packet loss and received frame rate
// from getStats() (W3C webrtc-stats: candidate-pair, inbound-rtp), summed up as good, fair
// or poor, in words as well as bars.

/** Thresholds: good is a call nobody notices; poor is one people will complain about. */
const LIMITS = {
  good: { rttMs: 150, lossPercent: 2, fps: 20 },
  fair: { rttMs: 400, lossPercent: 8, fps: 10 },
};

/** 'good', 'fair' or 'poor' for one reading; unknown figures (null) do not count against it. */
export function classify({ rttMs = null, lossPercent = null, fps = null }) {
  const within = limit => (rttMs === null || rttMs <= limit.rttMs)
    && (lossPercent === null || lossPercent <= limit.lossPercent)
    && (fps === null || fps >= limit.fps);
  if (within(LIMITS.good)) return 'good';
  if (within(LIMITS.fair)) return 'fair';
  return 'poor';
}

const WORDS = { good: 'Connection good', fair: 'Connection fair', poor: 'Connection poor' };

/** Reads getStats() every `intervalMs` and shows the result in `element` (a .quality). */
export class QualityMonitor {
  #pc;
  #element;
  #timer = 0;
  #previous = null;

  constructor(pc, element, intervalMs = 2000) {
    this.#pc = pc;
    this.#element = element;
    this.intervalMs = intervalMs;
  }

  start() {
    this.stop();
    this.#element.hidden = false;
    this.#timer = setInterval(() => this.#measure().catch(() => {}), this.intervalMs);
    this.#measure().catch(() => {});
  }

  stop() {
    clearInterval(this.#timer);
    this.#previous = null;
  }

  async #measure() {
    const report = await this.#pc.getStats();
    const now = { packetsLost: 0, packetsReceived: 0, framesDecoded: 0, timestamp: performance.now(), fps: null, rttMs: null };
    for (const s of report.values()) {
      if (s.type === 'candidate-pair' && (s.nominated || s.selected) && s.state === 'succeeded'
        && typeof s.currentRoundTripTime === 'number') {
        now.rttMs = s.currentRoundTripTime * 1000;
      } else if (s.type === 'inbound-rtp') {
        now.packetsLost += Math.max(0, s.packetsLost ?? 0);
        now.packetsReceived += s.packetsReceived ?? 0;
        if (s.kind === 'video') {
          now.framesDecoded += s.framesDecoded ?? 0;
          if (typeof s.framesPerSecond === 'number') now.fps = s.framesPerSecond;
        }
      }
    }
    const before = this.#previous;
    this.#previous = now;
    if (!before) return;
    const received = now.packetsReceived - before.packetsReceived;
    const lost = now.packetsLost - before.packetsLost;
    const lossPercent = received + lost > 0 ? 100 * lost / (received + lost) : null;
    const seconds = (now.timestamp - before.timestamp) / 1000;
    const fps = now.fps ?? (seconds > 0 ? (now.framesDecoded - before.framesDecoded) / seconds : null);
    this.show({ rttMs: now.rttMs, lossPercent, fps });
  }

  /** Shows one reading: the word, bars for the eye, and the figures on hover and for screen readers. */
  show(reading) {
    const level = classify(reading);
    const figures = [
      reading.rttMs === null ? null : `round trip ${Math.round(reading.rttMs)} ms`,
      reading.lossPercent === null ? null : `loss ${reading.lossPercent.toFixed(1)} %`,
      reading.fps === null ? null : `${Math.round(reading.fps)} frames per second`,
    ].filter(Boolean).join(', ');
    const element = this.#element;
    element.dataset.quality = level;
    element.querySelector('.quality-text').textContent = WORDS[level];
    element.querySelector('.quality-figures').textContent = figures;
    element.title = `${WORDS[level]}: ${figures}`;
  }
}
