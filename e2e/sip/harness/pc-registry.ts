/**
 * Remembers every RTCPeerConnection and WebSocket the page creates (sip.js creates them
 * internally), so a test can read getStats() of the real call and when the signalling
 * connection opened, without any hook in the code under test.
 */
export const peerConnections: RTCPeerConnection[] = [];

const Native = window.RTCPeerConnection;
class RecordedPeerConnection extends Native {
  constructor(configuration?: RTCConfiguration) {
    super(configuration);
    peerConnections.push(this);
  }
}
window.RTCPeerConnection = RecordedPeerConnection as typeof RTCPeerConnection;

/** Epoch ms at which each WebSocket of the page opened, in order. */
export const webSocketOpens: number[] = [];
const NativeWebSocket = window.WebSocket;
class RecordedWebSocket extends NativeWebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols);
    this.addEventListener("open", () =>
      webSocketOpens.push(performance.timeOrigin + performance.now())
    );
  }
}
window.WebSocket = RecordedWebSocket as typeof WebSocket;

export interface AudioStats {
  connectionState: string;
  direction: string | null;
  bytesReceived: number;
  packetsReceived: number;
  totalAudioEnergy: number;
  bytesSent: number;
}

/** Audio stats of the live peer connections, newest last. */
export async function audioStats(): Promise<AudioStats[]> {
  const live = peerConnections.filter((pc) => pc.connectionState !== "closed");
  return Promise.all(
    live.map(async (pc) => {
      const out: AudioStats = {
        connectionState: pc.connectionState,
        direction: pc.getTransceivers()[0]?.currentDirection ?? null,
        bytesReceived: 0,
        packetsReceived: 0,
        totalAudioEnergy: 0,
        bytesSent: 0
      };
      const report = await pc.getStats();
      report.forEach((s) => {
        if (s.type === "inbound-rtp" && s.kind === "audio") {
          out.bytesReceived += s.bytesReceived ?? 0;
          out.packetsReceived += s.packetsReceived ?? 0;
          out.totalAudioEnergy += s.totalAudioEnergy ?? 0;
        }
        if (s.type === "outbound-rtp" && s.kind === "audio") out.bytesSent += s.bytesSent ?? 0;
      });
      return out;
    })
  );
}

/** ICE details of the newest live peer connection: state, the selected pair's ports, ufrags. */
export async function iceInfo() {
  const pc = peerConnections.filter((p) => p.connectionState !== "closed").at(-1);
  if (!pc) return null;
  const report = await pc.getStats();
  let localPort: number | null = null;
  let remotePort: number | null = null;
  let protocol: string | null = null;
  report.forEach((s) => {
    if (s.type !== "transport" || !s.selectedCandidatePairId) return;
    const pair = report.get(s.selectedCandidatePairId);
    const local = pair && report.get(pair.localCandidateId);
    const remote = pair && report.get(pair.remoteCandidateId);
    localPort = local?.port ?? null;
    remotePort = remote?.port ?? null;
    protocol = local?.protocol ?? null;
  });
  const ufrag = (sdp: string | undefined) => /a=ice-ufrag:(\S+)/.exec(sdp ?? "")?.[1] ?? null;
  return {
    iceConnectionState: pc.iceConnectionState,
    localPort,
    remotePort,
    protocol,
    localUfrag: ufrag(pc.localDescription?.sdp),
    remoteUfrag: ufrag(pc.remoteDescription?.sdp)
  };
}

/** The microphone track the newest live call sends. */
export function senderInfo() {
  const pc = peerConnections.filter((p) => p.connectionState !== "closed").at(-1);
  const track = pc?.getSenders().find((s) => s.track?.kind === "audio")?.track;
  if (!track) return null;
  return {
    id: track.id,
    label: track.label,
    readyState: track.readyState,
    deviceId: track.getSettings().deviceId ?? null,
    echoCancellation: track.getSettings().echoCancellation ?? null
  };
}

/** Raw stats of the newest live peer connection, as plain objects (recorded for unit tests). */
export async function rawStats() {
  const pc = peerConnections.filter((p) => p.connectionState !== "closed").at(-1);
  if (!pc) return null;
  const out: Record<string, unknown>[] = [];
  (await pc.getStats()).forEach((s) => out.push({ ...s }));
  return out;
}
