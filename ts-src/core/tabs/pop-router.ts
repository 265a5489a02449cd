/**
 * Screen pops (and opening the panel for a ringing call) go to the tab the agent is looking at
 * (see AttentionTable.agentTab), else the leader. The leader asks that tab,
 * which acknowledges before it pops; without an acknowledgement by the deadline the leader pops
 * itself, and the other tab refuses requests past their deadline, so a pop happens once.
 */
import type { Clock, TimerHandle } from "../clock";
import type { TabBus } from "./bus";
import type { PopRequest, TabBody, TabMessage } from "./protocol";

export const ACK_TIMEOUT_MS = 600;
/** After the deadline the leader waits this much longer for an ack already on its way. */
export const ACK_GRACE_MS = 150;
export const DONE_TIMEOUT_MS = 20_000;

interface Attention {
  visible: boolean;
  focused: boolean;
  since: number;
}

/** Who looks where, as the tabs announce it. */
export class AttentionTable {
  private readonly tabs = new Map<string, Attention>();

  set(tabId: string, attention: Attention): void {
    this.tabs.set(tabId, attention);
  }

  forget(tabId: string): void {
    this.tabs.delete(tabId);
  }

  /**
   * The tab the agent looks at: among visible tabs, a focused one first, then the one that
   * became visible or got focus last (one browser window shows one tab; a softphone iframe
   * often lacks focus while its page has it). Null when no tab is visible.
   */
  agentTab(): string | null {
    let best: string | null = null;
    let bestRank = -Infinity;
    let bestSince = -Infinity;
    for (const [tabId, a] of this.tabs) {
      if (!a.visible) continue;
      const rank = a.focused ? 1 : 0;
      if (rank > bestRank || (rank === bestRank && a.since > bestSince)) {
        best = tabId;
        bestRank = rank;
        bestSince = a.since;
      }
    }
    return best;
  }
}

export type RunPop = (request: PopRequest) => Promise<unknown>;

interface Pending {
  acked: boolean;
  ackTimer?: TimerHandle;
  doneTimer?: TimerHandle;
  resolve(value: unknown): void;
  reject(error: Error): void;
  fallback(): void;
}

export class PopRouter {
  readonly attention = new AttentionTable();
  private readonly pending = new Map<string, Pending>();
  private sequence = 0;

  constructor(
    private readonly bus: TabBus,
    private readonly clock: Clock,
    /** Pops in this (the leader's) tab. */
    private readonly runLocal: RunPop
  ) {}

  route(request: PopRequest): Promise<unknown> {
    const target = this.attention.agentTab();
    if (target === null || target === this.bus.tabId) return this.runLocal(request);
    const id = `${this.bus.tabId}.pop${++this.sequence}`;
    return new Promise<unknown>((resolve, reject) => {
      const entry: Pending = {
        acked: false,
        resolve,
        reject,
        fallback: () => {
          this.pending.delete(id);
          this.runLocal(request).then(resolve, reject);
        }
      };
      this.pending.set(id, entry);
      entry.ackTimer = this.clock.setTimeout(() => {
        if (!entry.acked) entry.fallback();
      }, ACK_TIMEOUT_MS + ACK_GRACE_MS);
      this.bus.send(
        { type: "pop", id, request, deadline: this.clock.now() + ACK_TIMEOUT_MS },
        target
      );
    });
  }

  /** Feeds popAck / popDone / attention / bye messages; others are ignored. */
  receive(message: TabMessage): void {
    switch (message.type) {
      case "attention":
        this.attention.set(message.from, message);
        return;
      case "bye":
        this.attention.forget(message.from);
        return;
      case "popAck": {
        const entry = this.pending.get(message.id);
        if (!entry || entry.acked) return;
        entry.acked = true;
        if (entry.ackTimer !== undefined) this.clock.clearTimeout(entry.ackTimer);
        entry.doneTimer = this.clock.setTimeout(() => {
          this.pending.delete(message.id);
          entry.resolve(undefined);
        }, DONE_TIMEOUT_MS);
        return;
      }
      case "popDone": {
        const entry = this.pending.get(message.id);
        if (!entry) return;
        this.pending.delete(message.id);
        if (entry.ackTimer !== undefined) this.clock.clearTimeout(entry.ackTimer);
        if (entry.doneTimer !== undefined) this.clock.clearTimeout(entry.doneTimer);
        if (message.ok) entry.resolve(message.result);
        else entry.reject(new Error(message.error ?? "The screen pop failed in another tab."));
        return;
      }
      default:
        return;
    }
  }
}

/** The other side: a tab asked to pop acknowledges, pops once, and reports. */
export class PopResponder {
  private readonly handled = new Set<string>();

  constructor(
    private readonly bus: TabBus,
    private readonly clock: Clock,
    private readonly runLocal: RunPop
  ) {}

  receive(message: TabMessage): void {
    if (message.type !== "pop" || this.handled.has(message.id)) return;
    // Past the deadline the leader pops itself: doing it here too would pop twice.
    if (this.clock.now() > message.deadline) return;
    this.handled.add(message.id);
    this.bus.send({ type: "popAck", id: message.id }, message.from);
    this.runLocal(message.request).then(
      (result) => this.bus.send(doneWith(message.id, result), message.from),
      (error: unknown) =>
        this.bus.send(
          {
            type: "popDone",
            id: message.id,
            ok: false,
            error: error instanceof Error ? error.message : String(error)
          },
          message.from
        )
    );
  }
}

function doneWith(id: string, result: unknown): TabBody {
  // Host results are plain data (search results); anything else is not worth sending.
  let plain: unknown;
  try {
    plain = result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as unknown);
  } catch {
    plain = undefined;
  }
  return plain === undefined
    ? { type: "popDone", id, ok: true }
    : { type: "popDone", id, ok: true, result: plain };
}
