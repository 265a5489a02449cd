/**
 * A call's health as the phone reports it: its connection (reconnecting, with the grace
 * period's deadline), its audio quality (latest MOS, the call's min/avg and worst figures),
 * and the agent's audio devices and ringer. It also runs the device intents and the demo
 * phone's network simulations. The call lifecycle itself stays in call-desk.ts.
 */
import type {
  AudioDeviceRole,
  AudioProcessing,
  CallConnection,
  CallQualitySample,
  CallQualitySummary,
  Phone,
  PhoneEvent
} from "../../phone/phone";
import { describeError } from "../errors";
import type {
  CallConnectionView,
  CallQualityView,
  NetworkSimulation,
  SoftphoneState
} from "../model";
import { NETWORK_SIMULATIONS } from "../model";
import type { Reporter } from "../reporter";
import type { StateCell } from "../store";
import type { CallBook } from "./call-book";

export interface CallHealthDeps {
  cell: StateCell;
  book: CallBook;
  report: Reporter;
  phone(): Phone | null;
}

/** Network figures the demo phone turns into a quality sample. */
interface NetworkFigures {
  roundTripMs: number;
  jitterMs: number;
  packetLossPercent: number;
}

/** A phone that can simulate network trouble (the demo phone). */
export interface NetworkSimulator {
  simulateConnectionLoss(): void;
  simulateReconnect(): void;
  simulateQuality(callId: string, figures: NetworkFigures): void;
}

export function canSimulateNetwork(phone: Phone | null): phone is Phone & NetworkSimulator {
  const p = phone as Partial<NetworkSimulator> | null;
  return (
    p !== null &&
    typeof p.simulateConnectionLoss === "function" &&
    typeof p.simulateReconnect === "function" &&
    typeof p.simulateQuality === "function"
  );
}

/** What a dip and a good stretch look like: 6 % loss is plainly audible, the rest is clean. */
const DIP: NetworkFigures = { roundTripMs: 180, jitterMs: 35, packetLossPercent: 6 };
const GOOD: NetworkFigures = { roundTripMs: 40, jitterMs: 4, packetLossPercent: 0 };

export function connectionView(
  connection: CallConnection | undefined
): CallConnectionView | undefined {
  if (!connection) return undefined;
  return { state: "reconnecting", lost: connection.lost, graceEndsAt: connection.graceEndsAt };
}

/** The call's quality after one more sample: the phone's summary plus the worst figures seen. */
export function qualityView(
  previous: CallQualityView | undefined,
  sample: CallQualitySample,
  summary: CallQualitySummary
): CallQualityView {
  const rtt = sample.roundTripMs;
  const prevRtt = previous?.maxRoundTripMs ?? null;
  const view: CallQualityView = {
    mos: sample.mos,
    rating: sample.rating,
    mosMin: summary.mosMin,
    mosAvg: summary.mosAvg,
    samples: summary.samples,
    maxPacketLossPercent: Math.max(previous?.maxPacketLossPercent ?? 0, sample.packetLossPercent),
    maxJitterMs: Math.max(previous?.maxJitterMs ?? 0, sample.jitterMs),
    maxRoundTripMs: rtt === null ? prevRtt : Math.max(prevRtt ?? 0, rtt)
  };
  if (sample.reason) view.reason = sample.reason;
  if (summary.worstReason) view.worstReason = summary.worstReason;
  return view;
}

/** The call's final quality from the phone's end-of-call summary, keeping the worst figures. */
function finalQuality(
  previous: CallQualityView | undefined,
  summary: CallQualitySummary
): CallQualityView {
  const view = qualityView(previous, summary.last, summary);
  return previous && previous.samples > summary.samples ? previous : view;
}

export class CallHealth {
  readonly #deps: CallHealthDeps;

  constructor(deps: CallHealthDeps) {
    this.#deps = deps;
  }

  /** Before call-desk: an ending call's quality is on its view when after-call work starts. */
  beforeDesk(event: PhoneEvent): void {
    if (event.type !== "callEnded") return;
    const { book, cell } = this.#deps;
    const view = book.find(event.call.id);
    if (!view) return;
    const patch: { connection: undefined; quality?: CallQualityView } = { connection: undefined };
    if (event.quality) patch.quality = finalQuality(view.quality, event.quality);
    book.update(view.id, patch);
    if (patch.quality) cell.set({ lastCallQuality: patch.quality });
  }

  /** After call-desk: the view exists (an outbound call is adopted on its first update). */
  afterDesk(event: PhoneEvent): void {
    const { book, cell, report } = this.#deps;
    switch (event.type) {
      case "incoming":
      case "callUpdated": {
        const view = book.find(event.call.id);
        if (!view) return;
        const next = connectionView(event.call.connection);
        if (sameConnection(view.connection, next)) return;
        book.update(view.id, { connection: next });
        return;
      }
      case "callQuality": {
        const view = book.find(event.callId);
        if (!view) return;
        book.update(view.id, { quality: qualityView(view.quality, event.sample, event.summary) });
        return;
      }
      case "devices":
        cell.set({ devices: event.devices });
        if (event.fallback) report.notice(event.fallback.message, "phone");
        return;
      case "ringer":
        cell.set({
          ringer: event.detail
            ? { outcome: event.outcome, detail: event.detail }
            : { outcome: event.outcome }
        });
        return;
      default:
        return;
    }
  }

  /** The phone started: what it can do, and its devices. */
  onPhoneStarted(): void {
    const phone = this.#deps.phone();
    this.#deps.cell.set({ canSimulateNetwork: canSimulateNetwork(phone) });
    void this.loadDevices();
  }

  async loadDevices(): Promise<void> {
    const phone = this.#deps.phone();
    if (!phone?.listDevices) return;
    try {
      this.#deps.cell.set({ devices: await phone.listDevices() });
    } catch (error) {
      this.#deps.report.error("phone", `Could not list audio devices: ${describeError(error)}`);
    }
  }

  async selectDevice(role: AudioDeviceRole, deviceId: string | null): Promise<void> {
    const phone = this.#deps.phone();
    if (!phone?.selectDevice) {
      this.#deps.report.notice("This phone cannot choose audio devices.", "phone");
      return;
    }
    try {
      await phone.selectDevice(role, deviceId);
    } catch (error) {
      this.#deps.report.notice(`Could not switch the device: ${describeError(error)}`, "phone");
    }
    await this.loadDevices();
  }

  async setAudioProcessing(processing: Partial<AudioProcessing>): Promise<void> {
    const phone = this.#deps.phone();
    if (!phone?.setAudioProcessing) {
      this.#deps.report.notice("This phone cannot switch audio processing.", "phone");
      return;
    }
    try {
      await phone.setAudioProcessing(processing);
    } catch (error) {
      this.#deps.report.notice(
        `Could not switch audio processing: ${describeError(error)}`,
        "phone"
      );
    }
    await this.loadDevices();
  }

  async simulateNetwork(what: NetworkSimulation): Promise<void> {
    const phone = this.#deps.phone();
    const { report, book } = this.#deps;
    if (!canSimulateNetwork(phone) || !NETWORK_SIMULATIONS.includes(what)) {
      report.notice("Network trouble can be simulated with the demo phone only.");
      return;
    }
    try {
      if (what === "connectionLoss") phone.simulateConnectionLoss();
      else if (what === "reconnect") phone.simulateReconnect();
      else {
        const call = book.current();
        if (!call || (call.state !== "connected" && call.state !== "held")) {
          report.notice("Quality can be simulated on a connected call only.");
          return;
        }
        phone.simulateQuality(call.id, what === "qualityDip" ? DIP : GOOD);
      }
    } catch (error) {
      report.notice(`Could not simulate that: ${describeError(error)}`, "phone");
    }
  }
}

function sameConnection(a: CallConnectionView | undefined, b: CallConnectionView | undefined) {
  if (!a || !b) return a === b;
  return a.lost === b.lost && a.graceEndsAt === b.graceEndsAt;
}

/** For diagnostics and the copy-report: which devices are in use, by label. */
export function devicesInUse(state: Pick<SoftphoneState, "devices">): {
  input: string;
  output: string;
  ringer: string;
} | null {
  const devices = state.devices;
  if (!devices) return null;
  const label = (pool: readonly { id: string; label: string }[], id: string | null) =>
    id === null ? "System default" : (pool.find((d) => d.id === id)?.label ?? "System default");
  return {
    input: label(devices.inputs, devices.selected.input),
    output: devices.canSelectOutput
      ? label(devices.outputs, devices.selected.output)
      : "System default (this browser cannot choose)",
    ringer: devices.canSelectOutput
      ? label(devices.outputs, devices.selected.ringer)
      : "System default (this browser cannot choose)"
  };
}
