/**
 * What a VoiceCall needs that core's call log (a Task) does not carry: the numbers and the
 * start and end times. The connector notes them as calls progress; the core host reads them
 * when the outbox finishes the record. Kept in the same durable storage as the outbox, so an
 * entry retried after a reload still has them; at most MAX_CALLS are kept.
 */
import type { KeyValueStorage } from "../../core/storage";

export interface CallFacts {
  direction: "inbound" | "outbound";
  from: string;
  to: string;
  startTime: string;
  endTime?: string;
  /** Once created: a reloaded connector page replays the call with it. */
  voiceCallId?: string;
}

export const CALL_FACTS_KEY = "softphone.voice.callFacts";
const MAX_CALLS = 50;

export class CallFactsBook {
  private readonly memory = new Map<string, CallFacts>();

  constructor(private readonly storage?: KeyValueStorage) {
    for (const [key, facts] of this.read()) this.memory.set(key, facts);
  }

  get(key: string): CallFacts | undefined {
    return this.memory.get(key);
  }

  note(key: string, facts: CallFacts): void {
    this.memory.delete(key);
    this.memory.set(key, facts);
    while (this.memory.size > MAX_CALLS) {
      const oldest = this.memory.keys().next().value;
      if (oldest === undefined) break;
      this.memory.delete(oldest);
    }
    this.write();
  }

  ended(key: string, endTime: string): void {
    const facts = this.memory.get(key);
    if (facts && !facts.endTime) this.note(key, { ...facts, endTime });
  }

  recorded(key: string, voiceCallId: string): void {
    const facts = this.memory.get(key);
    if (facts && facts.voiceCallId !== voiceCallId) this.note(key, { ...facts, voiceCallId });
  }

  forget(key: string): void {
    if (this.memory.delete(key)) this.write();
  }

  private read(): [string, CallFacts][] {
    try {
      const raw = this.storage?.getItem(CALL_FACTS_KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      return [];
    }
  }

  private write(): void {
    try {
      this.storage?.setItem(CALL_FACTS_KEY, JSON.stringify([...this.memory]));
    } catch {
      // Storage full or blocked: the facts stay in memory; Apex fills what is missing.
    }
  }
}

function isEntry(value: unknown): value is [string, CallFacts] {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== "string") return false;
  const facts = value[1] as Partial<CallFacts> | null;
  return (
    typeof facts === "object" &&
    facts !== null &&
    (facts.direction === "inbound" || facts.direction === "outbound") &&
    typeof facts.from === "string" &&
    typeof facts.to === "string" &&
    typeof facts.startTime === "string"
  );
}
