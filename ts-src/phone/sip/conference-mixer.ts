/**
 * A three-way (or larger) conference mixed in the browser, for any PBX: each leg is sent the
 * agent's microphone plus every other leg's audio (Web Audio), by replacing the leg's
 * outgoing track (RTCRtpSender.replaceTrack, no renegotiation). The agent already hears every
 * leg through its own audio element. When only one leg is left, it gets its microphone back.
 */

/** The parts of Web Audio the mixer uses (a fake in unit tests). */
export interface MixerAudioContext {
  createMediaStreamSource(stream: MediaStream): AudioNode;
  createMediaStreamDestination(): { stream: MediaStream } & AudioNode;
  resume(): Promise<void>;
  close(): Promise<void>;
}

export interface MixerLeg {
  id: string;
  /** What the far end of this leg sends (its remote audio). */
  remote: MediaStream;
  /** This leg's outgoing audio sender. */
  sender: RTCRtpSender;
}

interface Joined extends MixerLeg {
  /** The leg's own microphone track, put back when it leaves the mix. */
  original: MediaStreamTrack | null;
  source: AudioNode;
  destination: { stream: MediaStream } & AudioNode;
}

export class ConferenceMixer {
  readonly #legs = new Map<string, Joined>();
  #context: MixerAudioContext | null = null;
  #mic: AudioNode | null = null;
  #micTrack: MediaStreamTrack | null = null;

  constructor(private readonly createContext: () => MixerAudioContext) {}

  has(id: string): boolean {
    return this.#legs.has(id);
  }

  ids(): string[] {
    return [...this.#legs.keys()];
  }

  /** Mixes the legs; the first leg's microphone track is the agent's voice for all of them. */
  async start(legs: readonly MixerLeg[]): Promise<void> {
    if (legs.length < 2) throw new Error("A conference needs two calls.");
    await this.stop();
    const context = (this.#context = this.createContext());
    await context.resume().catch(() => undefined);
    const micTrack = legs.map((l) => l.sender.track).find((t) => t !== null) ?? null;
    if (micTrack) {
      this.#micTrack = micTrack;
      this.#mic = context.createMediaStreamSource(new MediaStream([micTrack]));
    }
    for (const leg of legs) {
      this.#legs.set(leg.id, {
        ...leg,
        original: leg.sender.track,
        source: context.createMediaStreamSource(leg.remote),
        destination: context.createMediaStreamDestination()
      });
    }
    await this.#wire();
  }

  /** The agent's mute in a conference silences only the agent, not the other parties. */
  setMicEnabled(on: boolean): void {
    if (this.#micTrack) this.#micTrack.enabled = on;
  }

  /** A leg ended or left: the others keep mixing; a lone leg gets its microphone back. */
  async remove(id: string): Promise<void> {
    const leg = this.#legs.get(id);
    if (!leg) return;
    this.#legs.delete(id);
    leg.source.disconnect();
    if (this.#legs.size < 2) {
      await this.stop();
      return;
    }
    await this.#wire();
  }

  /** Ends the mix: every leg left gets its own track back. */
  async stop(): Promise<void> {
    const legs = [...this.#legs.values()];
    this.#legs.clear();
    for (const leg of legs) {
      leg.source.disconnect();
      await leg.sender.replaceTrack(leg.original).catch(() => undefined);
    }
    this.#mic?.disconnect();
    this.#mic = null;
    if (this.#micTrack) this.#micTrack.enabled = true;
    this.#micTrack = null;
    const context = this.#context;
    this.#context = null;
    await context?.close().catch(() => undefined);
  }

  /** Each leg's destination: the agent plus every other leg. */
  async #wire(): Promise<void> {
    this.#mic?.disconnect();
    for (const leg of this.#legs.values()) leg.source.disconnect();
    for (const leg of this.#legs.values()) {
      this.#mic?.connect(leg.destination);
      for (const other of this.#legs.values())
        if (other !== leg) other.source.connect(leg.destination);
      const track = leg.destination.stream.getAudioTracks()[0] ?? null;
      await leg.sender.replaceTrack(track);
    }
  }
}
