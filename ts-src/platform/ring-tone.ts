/**
 * Ring sounds generated at run time as WAV files (nothing downloaded, nothing in the bundle
 * but this code): the North American ring (440 + 480 Hz, 2 s on, 4 s off) for a new call,
 * and a call-waiting beep (440 Hz, 0.3 s, every 10 s) while another call is in progress.
 * One file holds one whole cycle, so a looping <audio> element keeps the cadence by itself,
 * without timers (which browsers slow down in background tabs).
 */

const RATE = 8000;

interface Tone {
  frequencies: number[];
  /** [start, end) in seconds within the cycle. */
  bursts: Array<[number, number]>;
  cycleSeconds: number;
  amplitude: number;
}

export const RING: Tone = {
  frequencies: [440, 480],
  bursts: [[0, 2]],
  cycleSeconds: 6,
  amplitude: 0.35
};

export const CALL_WAITING: Tone = {
  frequencies: [440],
  bursts: [[0, 0.3]],
  cycleSeconds: 10,
  amplitude: 0.25
};

/** A mono 16-bit PCM WAV of one cycle of `tone`, with 10 ms fades against clicks. */
export function toneWav(tone: Tone): Uint8Array<ArrayBuffer> {
  const samples = Math.round(tone.cycleSeconds * RATE);
  const bytes = new Uint8Array(44 + samples * 2);
  const view = new DataView(bytes.buffer);
  const text = (at: number, s: string) => {
    for (let i = 0; i < s.length; i++) bytes[at + i] = s.charCodeAt(i);
  };
  text(0, "RIFF");
  view.setUint32(4, 36 + samples * 2, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, RATE, true);
  view.setUint32(28, RATE * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, samples * 2, true);
  const fade = 0.01;
  for (let i = 0; i < samples; i++) {
    const t = i / RATE;
    const burst = tone.bursts.find(([from, to]) => t >= from && t < to);
    let value = 0;
    if (burst) {
      const envelope = Math.min(1, (t - burst[0]) / fade, (burst[1] - t) / fade);
      for (const f of tone.frequencies) value += Math.sin(2 * Math.PI * f * t);
      value *= (tone.amplitude * envelope) / tone.frequencies.length;
    }
    view.setInt16(44 + i * 2, Math.round(value * 32767), true);
  }
  return bytes;
}
