import { ConferenceMixer, type MixerAudioContext, type MixerLeg } from "./conference-mixer";

/** Nodes that remember what they are connected to. */
class Node {
  readonly to = new Set<Node>();
  constructor(readonly name: string) {}
  connect(target: Node): void {
    this.to.add(target);
  }
  disconnect(): void {
    this.to.clear();
  }
}

class FakeStream {
  constructor(readonly tracks: Array<{ id: string; enabled: boolean }>) {}
  getAudioTracks() {
    return this.tracks;
  }
}

function setup(n: number) {
  const nodes: Node[] = [];
  let closed = 0;
  const context = {
    createMediaStreamSource(stream: FakeStream) {
      const node = new Node(`source:${stream.tracks.map((t) => t.id).join("+")}`);
      nodes.push(node);
      return node;
    },
    createMediaStreamDestination() {
      const node = new Node(`dest${nodes.length}`) as Node & { stream: FakeStream };
      node.stream = new FakeStream([{ id: `mix${nodes.length}`, enabled: true }]);
      nodes.push(node);
      return node;
    },
    resume: async () => undefined,
    close: async () => {
      closed += 1;
    }
  };
  const legs = Array.from({ length: n }, (_, i) => {
    const mic = { id: `mic${i}`, enabled: true };
    const sender = {
      track: mic as { id: string; enabled: boolean } | null,
      replaceTrack: jest.fn(async function (this: void, t) {
        sender.track = t;
      })
    };
    return {
      id: `leg${i}`,
      remote: new FakeStream([{ id: `remote${i}`, enabled: true }]),
      sender,
      mic
    };
  });
  const mixer = new ConferenceMixer(() => context as unknown as MixerAudioContext);
  const source = (name: string) => nodes.find((x) => x.name === `source:${name}`) as Node;
  return { mixer, legs, source, closed: () => closed };
}

const asLegs = (legs: ReturnType<typeof setup>["legs"]) => legs as unknown as MixerLeg[];
const destOf = (leg: ReturnType<typeof setup>["legs"][number]) => leg.sender.track?.id;

beforeAll(() => {
  (globalThis as { MediaStream?: unknown }).MediaStream = FakeStream;
});

describe("ConferenceMixer", () => {
  it("sends each leg the agent and the other leg, then restores the microphone", async () => {
    const { mixer, legs, source, closed } = setup(2);
    await mixer.start(asLegs(legs));
    const [a, b] = legs;
    expect(destOf(a)).toMatch(/^mix/);
    expect(destOf(b)).toMatch(/^mix/);
    expect(destOf(a)).not.toBe(destOf(b));
    const sinks = (name: string) => [...source(name).to].map((n) => n.name).sort();
    // The agent's voice (leg 0's microphone) reaches both mixes; each remote only the other's.
    expect(sinks("mic0")).toHaveLength(2);
    expect(source("remote0").to.size).toBe(1);
    expect(source("remote1").to.size).toBe(1);
    expect([...source("remote0").to][0]).not.toBe([...source("remote1").to][0]);
    mixer.setMicEnabled(false);
    expect(a.mic.enabled).toBe(false);
    await mixer.remove("leg1");
    expect(destOf(a)).toBe("mic0");
    expect(a.mic.enabled).toBe(true);
    expect(mixer.has("leg0")).toBe(false);
    expect(closed()).toBe(1);
  });

  it("keeps mixing the others when one of three leaves", async () => {
    const { mixer, legs, source } = setup(3);
    await mixer.start(asLegs(legs));
    expect(source("remote0").to.size).toBe(2);
    await mixer.remove("leg2");
    expect(mixer.ids()).toEqual(["leg0", "leg1"]);
    expect(source("remote0").to.size).toBe(1);
    // The leg that left has ended: it is not touched again.
    expect(destOf(legs[2])).toMatch(/^mix/);
  });

  it("refuses a conference of one", async () => {
    const { mixer, legs } = setup(1);
    await expect(mixer.start(asLegs(legs))).rejects.toThrow("two calls");
  });
});
