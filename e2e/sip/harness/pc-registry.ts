/**
 * Remembers every RTCPeerConnection the page creates (sip.js creates them internally), so a
 * test can read getStats() of the real call without any hook in the code under test.
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
