import { playAudioFile, type FetchLike, type FileAudioContext } from "./audio-file-track";

function fakeContext() {
  const track = { stopped: false, stop: () => (track.stopped = true) };
  const source = {
    buffer: null as unknown,
    onended: null as null | (() => void),
    started: false,
    connect: jest.fn(),
    start: () => (source.started = true),
    stop: jest.fn()
  };
  let closed = false;
  const context = {
    decodeAudioData: jest.fn(async (data: ArrayBuffer) => {
      if (data.byteLength === 0) throw new Error("bad");
      return { duration: 1 };
    }),
    createBufferSource: () => source,
    createMediaStreamDestination: () => ({ stream: { getAudioTracks: () => [track] } }),
    resume: async () => undefined,
    close: async () => {
      closed = true;
    }
  };
  return {
    context: context as unknown as FileAudioContext,
    source,
    track,
    closed: () => closed
  };
}

const serve =
  (bytes: number, status = 200): FetchLike =>
  async () => ({ ok: status === 200, status, arrayBuffer: async () => new ArrayBuffer(bytes) });

describe("playAudioFile", () => {
  it("plays the file into a track and ends when the source ends", async () => {
    const f = fakeContext();
    const played = await playAudioFile("/resource/Vm/a.mp3", serve(10), () => f.context);
    expect(played.track).toBe(f.track);
    expect(f.source.started).toBe(true);
    let ended = false;
    void played.ended.then(() => (ended = true));
    await Promise.resolve();
    expect(ended).toBe(false);
    f.source.onended?.();
    await played.ended;
    expect(f.track.stopped).toBe(true);
    expect(f.closed()).toBe(true);
  });

  it("says why a message cannot be played", async () => {
    await expect(
      playAudioFile("/resource/Vm/missing.mp3", serve(10, 404), () => fakeContext().context)
    ).rejects.toThrow("could not be loaded (404)");
    const f = fakeContext();
    await expect(playAudioFile("/resource/Vm/a.txt", serve(0), () => f.context)).rejects.toThrow(
      "not an audio file"
    );
    expect(f.closed()).toBe(true);
  });
});
