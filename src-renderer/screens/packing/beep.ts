/**
 * The packing bench's sounds, made with the Web Audio API (no audio files): a short high
 * tick when a scan counts, a low double buzz when it is refused — the packer is looking
 * at the box, not the screen. Silent where the browser has no audio.
 */
let audio: AudioContext | null = null;

function tone(ctx: AudioContext, at: number, hz: number, seconds: number, type: OscillatorType): void {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = type;
  osc.frequency.value = hz;
  gain.gain.setValueAtTime(0.2, at);
  gain.gain.exponentialRampToValueAtTime(0.001, at + seconds);
  osc.connect(gain).connect(ctx.destination);
  osc.start(at);
  osc.stop(at + seconds);
}

export function beep(kind: 'ok' | 'error'): void {
  try {
    audio ??= new AudioContext();
    // a context made before any touch starts suspended; the scan's key press lets it run
    if (audio.state === 'suspended') void audio.resume();
    const now = audio.currentTime;
    if (kind === 'ok') tone(audio, now, 1320, 0.08, 'sine');
    else {
      tone(audio, now, 220, 0.18, 'square');
      tone(audio, now + 0.24, 180, 0.28, 'square');
    }
  } catch {
    // no audio device or API: the red message is still there
  }
}
