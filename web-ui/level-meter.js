// A microphone level meter: WebAudio AnalyserNode, RMS of each analysis window drawn into a <meter>.

export class LevelMeter {
  #context;
  #analyser;
  #source;
  #samples;
  #frame = 0;

  constructor(meter) {
    this.meter = meter;
  }

  /** Listens to the stream's microphone (replacing a previous one); no microphone: the meter rests at 0. */
  attach(stream) {
    this.detach();
    const track = stream?.getAudioTracks()[0];
    if (!track) return;
    this.#context ??= new AudioContext();
    // Autoplay policies may start the context suspended until the person interacts with the page.
    if (this.#context.state === 'suspended') {
      const resume = () => this.#context.resume();
      document.addEventListener('pointerdown', resume, { once: true });
      document.addEventListener('keydown', resume, { once: true });
      this.#context.resume().catch(() => {});
    }
    this.#source = this.#context.createMediaStreamSource(new MediaStream([track]));
    this.#analyser = this.#context.createAnalyser();
    this.#analyser.fftSize = 1024;
    this.#samples = new Float32Array(this.#analyser.fftSize);
    this.#source.connect(this.#analyser);
    const draw = () => {
      this.#analyser.getFloatTimeDomainData(this.#samples);
      let sum = 0;
      for (const s of this.#samples) sum += s * s;
      const rms = Math.sqrt(sum / this.#samples.length);
      // -60 dBFS .. 0 dBFS onto 0 .. 1: speech sits in the middle of the bar.
      const level = Math.max(0, Math.min(1, (20 * Math.log10(rms + 1e-9) + 60) / 60));
      this.meter.value = level;
      this.meter.dataset.level = level.toFixed(2);
      this.#frame = requestAnimationFrame(draw);
    };
    this.#frame = requestAnimationFrame(draw);
  }

  detach() {
    cancelAnimationFrame(this.#frame);
    this.#source?.disconnect();
    this.#source = null;
    this.meter.value = 0;
  }
}
