/**
 * A recorded message as an audio track (voicemail drop): the file is fetched, decoded and
 * played once through Web Audio into a MediaStream destination, whose track replaces the
 * microphone on the call (RTCRtpSender.replaceTrack).
 */

/** The parts of Web Audio used here (a fake in unit tests). */
export interface FileAudioContext {
  decodeAudioData(data: ArrayBuffer): Promise<AudioBuffer>;
  createBufferSource(): AudioBufferSourceNode;
  createMediaStreamDestination(): MediaStreamAudioDestinationNode;
  resume(): Promise<void>;
  close(): Promise<void>;
}

export interface AudioFileTrack {
  readonly track: MediaStreamTrack;
  /** Resolves when the message has played to its end (or was stopped). */
  readonly ended: Promise<void>;
  stop(): void;
}

export type FetchLike = (url: string) => Promise<{
  ok: boolean;
  status: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}>;

/** Loads and starts the message; rejects with a plain message when it cannot be played. */
export async function playAudioFile(
  url: string,
  fetcher: FetchLike,
  createContext: () => FileAudioContext
): Promise<AudioFileTrack> {
  const response = await fetcher(url).catch(() => null);
  if (!response || !response.ok)
    throw new Error(`the message ${url} could not be loaded (${response?.status ?? "network"})`);
  const context = createContext();
  let buffer: AudioBuffer;
  try {
    buffer = await context.decodeAudioData(await response.arrayBuffer());
  } catch {
    await context.close().catch(() => undefined);
    throw new Error(`the message ${url} is not an audio file the browser can play`);
  }
  await context.resume().catch(() => undefined);
  const source = context.createBufferSource();
  const destination = context.createMediaStreamDestination();
  source.buffer = buffer;
  source.connect(destination);
  const track = destination.stream.getAudioTracks()[0];
  let finish: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => (finish = resolve));
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      source.stop();
    } catch {
      // Not started or already stopped.
    }
    track?.stop();
    void context.close().catch(() => undefined);
    finish();
  };
  source.onended = stop;
  source.start();
  if (!track) {
    stop();
    throw new Error("the browser gave no audio track for the message");
  }
  return { track, ended, stop };
}
