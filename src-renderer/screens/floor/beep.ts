/**
 * The sound of a scan, with Web Audio (no sound file to ship, nothing the CSP must allow):
 * a short high blip when a lot is right, two low buzzes when it is refused, so the person
 * at the bench hears a refusal without looking at the tablet.
 */
let audio: AudioContext | null = null;

const TONES = {
  ok: { type: 'sine', notes: [[1320, 0, 0.07]] },
  error: { type: 'square', notes: [[330, 0, 0.16], [220, 0.2, 0.28]] },
} as const satisfies Record<string, { type: OscillatorType; notes: readonly (readonly [number, number, number])[] }>;

/** Plays the sound; false when the device has no audio (the message on screen still says it all). */
export function beep(kind: keyof typeof TONES): boolean {
  try {
    audio ??= new AudioContext();
    // a context made before the first touch starts suspended (autoplay rules); a scan is a key press, so it may resume
    if (audio.state === 'suspended') void audio.resume();
    const { type, notes } = TONES[kind];
    for (const [freq, at, length] of notes) {
      const osc = audio.createOscillator();
      const gain = audio.createGain();
      osc.type = type;
      osc.frequency.value = freq;
      gain.gain.value = 0.12;
      osc.connect(gain).connect(audio.destination);
      osc.start(audio.currentTime + at);
      osc.stop(audio.currentTime + at + length);
    }
    return true;
  } catch {
    return false;
  }
}
