import { FakeClock, settle } from "../testing/fake-clock";
import {
  ENTRY_PREFIX,
  LEASE_MS,
  LOGGED_KEY,
  Outbox,
  parseEntry,
  retryDelay,
  type OutboxDeps,
  type OutboxEntry
} from "./outbox";
import { MemoryStorage } from "../storage";

const fields = {
  Subject: "Inbound call from Ada",
  CallDurationInSeconds: 12,
  WhoId: null,
  Status: "Completed"
};

function setup(overrides: Partial<OutboxDeps> = {}) {
  const storage = new MemoryStorage();
  const clock = new FakeClock();
  const sent: OutboxEntry[] = [];
  const outcomes: Array<"ok" | Error> = [];
  const saved: Array<[string, string]> = [];
  const errors: unknown[] = [];
  const counts: number[] = [];
  const deps: OutboxDeps = {
    storage,
    clock,
    random: () => 0,
    send: async (entry) => {
      sent.push(entry);
      const outcome = outcomes.shift() ?? "ok";
      if (outcome !== "ok") throw outcome;
      return { recordId: `00T${sent.length}` };
    },
    afterSaved: async (entry, recordId) => {
      saved.push([entry.callId, recordId]);
    },
    onError: (_entry, error) => errors.push(error),
    onChange: (pending) => counts.push(pending),
    ...overrides
  };
  return { storage, clock, sent, outcomes, saved, errors, counts, outbox: new Outbox(deps), deps };
}

describe("retryDelay", () => {
  it("doubles from 2 s, caps at 5 min and jitters down by at most half", () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, () => 0))).toEqual([2000, 4000, 8000, 16000]);
    expect(retryDelay(50, () => 0)).toBe(300_000);
    expect(retryDelay(1, () => 1)).toBe(1000);
    expect(retryDelay(0, () => 5)).toBe(1000);
  });
});

describe("Outbox", () => {
  it("writes the entry before sending and removes it only after success", async () => {
    const t = setup();
    let storedDuringSend: string | null = null;
    t.deps.send = async () => {
      storedDuringSend = t.storage.getItem(ENTRY_PREFIX + "call-1");
      return { recordId: "00T1" };
    };
    const outbox = new Outbox(t.deps);
    await outbox.enqueue({ callId: "call-1", entityApiName: "Task", fields });
    expect(storedDuringSend).not.toBeNull();
    expect(t.storage.getItem(ENTRY_PREFIX + "call-1")).toBeNull();
    expect(outbox.pendingCount()).toBe(0);
    expect(t.saved).toEqual([["call-1", "00T1"]]);
    expect(t.counts).toEqual([1, 0]);
  });

  it("never logs a call twice, even when enqueued again after success", async () => {
    const t = setup();
    expect(await t.outbox.enqueue({ callId: "c", entityApiName: "Task", fields })).toBe(true);
    expect(await t.outbox.enqueue({ callId: "c", entityApiName: "Task", fields })).toBe(false);
    expect(t.sent).toHaveLength(1);
    expect(t.outbox.has("c")).toBe(true);
  });

  it("retries with back-off until saveLog succeeds", async () => {
    const t = setup();
    t.outcomes.push(new Error("SERVER_ERROR"), new Error("SERVER_ERROR"));
    await t.outbox.enqueue({ callId: "c", entityApiName: "Task", fields });
    expect(t.sent).toHaveLength(1);
    expect(t.outbox.entries()[0]).toMatchObject({ attempts: 1, lastError: "SERVER_ERROR" });
    await t.clock.advance(1999);
    expect(t.sent).toHaveLength(1);
    await t.clock.advance(1);
    expect(t.sent).toHaveLength(2);
    await t.clock.advance(4000);
    expect(t.sent).toHaveLength(3);
    expect(t.outbox.pendingCount()).toBe(0);
    expect(t.saved).toHaveLength(1);
    expect(t.errors).toHaveLength(2);
    expect(t.clock.pending()).toBe(0);
  });

  it("sends leftovers from an earlier load at once on start", async () => {
    const first = setup();
    first.outcomes.push(new Error("down"));
    await first.outbox.enqueue({ callId: "c", entityApiName: "Task", fields });
    first.outbox.stop();
    const second = new Outbox({ ...first.deps, storage: first.storage });
    await second.start();
    expect(first.sent).toHaveLength(2);
    expect(second.pendingCount()).toBe(0);
  });

  it("checks for an existing record before resending an attempt that may have landed", async () => {
    const t = setup();
    const asked: string[] = [];
    t.outcomes.push(new Error("TIMEOUT"));
    const outbox = new Outbox({
      ...t.deps,
      findExisting: async (entry) => {
        asked.push(entry.callId);
        return "00Texisting";
      }
    });
    await outbox.enqueue({ callId: "c", entityApiName: "Task", fields });
    await t.clock.advance(2000);
    expect(asked).toEqual(["c"]);
    expect(t.sent).toHaveLength(1);
    expect(t.saved).toEqual([["c", "00Texisting"]]);
  });

  it("treats a failed existence check as unknown: asks again, never resends until it answers", async () => {
    const t = setup();
    t.outcomes.push(new Error("TIMEOUT"));
    const answers: Array<string | null | Error> = [new Error("no apex"), new Error("busy"), null];
    const outbox = new Outbox({
      ...t.deps,
      findExisting: async () => {
        const answer = answers.shift();
        if (answer instanceof Error) throw answer;
        return answer ?? null;
      }
    });
    await outbox.enqueue({ callId: "c", entityApiName: "Task", fields });
    await t.clock.advance(2000);
    expect(t.sent).toHaveLength(1);
    await t.clock.advance(4000);
    expect(t.sent).toHaveLength(1);
    expect(outbox.pendingCount()).toBe(1);
    await t.clock.advance(8000);
    expect(answers).toEqual([]);
    expect(t.sent).toHaveLength(2);
    expect(outbox.pendingCount()).toBe(0);
  });

  it("gives each send its own time-out: a save that never settles holds no other", async () => {
    const t = setup();
    t.deps.send = (entry) => {
      t.sent.push(entry);
      return entry.callId === "stuck" && entry.attempts === 1
        ? new Promise<never>(() => undefined)
        : Promise.resolve({ recordId: `00T${entry.callId}` });
    };
    const outbox = new Outbox({ ...t.deps, sendTimeoutMs: 1000, findExisting: async () => null });
    void outbox.enqueue({ callId: "stuck", entityApiName: "Task", fields });
    await settle();
    void outbox.enqueue({ callId: "next", entityApiName: "Task", fields });
    await t.clock.advance(1000);
    expect(t.saved).toEqual([["next", "00Tnext"]]);
    expect(outbox.entries()[0]).toMatchObject({ callId: "stuck", attempts: 1 });
    expect(String(outbox.entries()[0].lastError)).toMatch(/no answer within 1 s/);
    await t.clock.advance(2000);
    expect(outbox.pendingCount()).toBe(0);
  });

  it("keeps a log in memory when storage refuses it, sends it at once and says so", async () => {
    const t = setup();
    const volatile: number[] = [];
    const full = {
      ...t.storage,
      getItem: (key: string) => t.storage.getItem(key),
      removeItem: (key: string) => t.storage.removeItem(key),
      keys: () => t.storage.keys(),
      setItem: () => {
        throw new Error("QuotaExceededError");
      }
    };
    t.outcomes.push(new Error("SERVER_ERROR"));
    const outbox = new Outbox({ ...t.deps, storage: full, onVolatile: (n) => volatile.push(n) });
    expect(await outbox.enqueue({ callId: "c", entityApiName: "Task", fields })).toBe(true);
    expect(t.sent).toHaveLength(1);
    expect(outbox.pendingCount()).toBe(1);
    expect(outbox.inMemoryCount()).toBe(1);
    expect(outbox.has("c")).toBe(true);
    await t.clock.advance(2000);
    expect(t.saved).toEqual([["c", "00T2"]]);
    expect(outbox.inMemoryCount()).toBe(0);
    expect(volatile.at(-1)).toBe(0);
    expect(volatile).toContain(1);
    expect(await outbox.enqueue({ callId: "c", entityApiName: "Task", fields })).toBe(false);
  });

  it("does not stall a lease or a retry for an hour when the clock moves back an hour", async () => {
    const t = setup();
    const hour = 3_600_000;
    const now = t.clock.now();
    t.storage.setItem(
      ENTRY_PREFIX + "leased",
      JSON.stringify({
        callId: "leased",
        entityApiName: "Task",
        fields,
        createdAt: now,
        attempts: 1,
        nextAttemptAt: now,
        leaseUntil: now + LEASE_MS
      })
    );
    t.outcomes.push(new Error("SERVER_ERROR"));
    await t.outbox.enqueue({ callId: "retry", entityApiName: "Task", fields });
    expect(t.sent.map((e) => e.callId)).toEqual(["retry"]);
    t.clock.jump(-hour);
    await t.outbox.flush();
    await t.clock.advance(LEASE_MS);
    expect(t.sent.map((e) => e.callId).sort()).toEqual(["leased", "retry", "retry"]);
    expect(t.outbox.pendingCount()).toBe(0);
  });

  it("drops entries older than the retention at start, with a notice, and sends the rest", async () => {
    const t = setup();
    const expired: string[] = [];
    const day = 86_400_000;
    const now = t.clock.now();
    for (const [callId, age] of [
      ["old", 8 * day],
      ["recent", 6 * day]
    ] as const) {
      t.storage.setItem(
        ENTRY_PREFIX + callId,
        JSON.stringify({
          callId,
          entityApiName: "Task",
          fields,
          createdAt: now - age,
          attempts: 3,
          nextAttemptAt: now
        })
      );
    }
    const outbox = new Outbox({
      ...t.deps,
      retentionMs: 7 * day,
      onExpired: (entry) => expired.push(entry.callId)
    });
    await outbox.start();
    expect(expired).toEqual(["old"]);
    expect(t.sent.map((e) => e.callId)).toEqual(["recent"]);
    expect(t.storage.getItem(ENTRY_PREFIX + "old")).toBeNull();
  });

  it("does not send an entry another instance holds a lease on", async () => {
    const t = setup();
    const now = t.clock.now();
    const leased: OutboxEntry = {
      callId: "c",
      entityApiName: "Task",
      fields,
      createdAt: now,
      attempts: 1,
      nextAttemptAt: now,
      leaseUntil: now + LEASE_MS
    };
    t.storage.setItem(ENTRY_PREFIX + "c", JSON.stringify(leased));
    await t.outbox.flush();
    expect(t.sent).toHaveLength(0);
    await t.clock.advance(LEASE_MS);
    expect(t.sent).toHaveLength(1);
  });

  it("shares one pass between concurrent flushes", async () => {
    const t = setup();
    let release: () => void = () => undefined;
    t.deps.send = (entry) => {
      t.sent.push(entry);
      return new Promise((resolve) => {
        release = () => resolve({ recordId: "00T1" });
      });
    };
    const outbox = new Outbox(t.deps);
    const a = outbox.enqueue({ callId: "c", entityApiName: "Task", fields });
    const b = outbox.flush();
    const c = outbox.flush();
    await settle();
    release();
    await Promise.all([a, b, c]);
    expect(t.sent).toHaveLength(1);
  });

  it("keeps the entry when afterSaved fails, without resending", async () => {
    const t = setup({ afterSaved: async () => Promise.reject(new Error("refresh failed")) });
    await t.outbox.enqueue({ callId: "c", entityApiName: "Task", fields });
    expect(t.sent).toHaveLength(1);
    expect(t.outbox.pendingCount()).toBe(0);
    expect(t.errors).toHaveLength(1);
  });

  it("ignores corrupt and tampered storage entries", async () => {
    const t = setup();
    t.storage.setItem(ENTRY_PREFIX + "junk", "{not json");
    t.storage.setItem(
      ENTRY_PREFIX + "other",
      JSON.stringify({
        callId: "different",
        entityApiName: "Task",
        fields,
        createdAt: 1,
        attempts: 0,
        nextAttemptAt: 0
      })
    );
    t.storage.setItem(LOGGED_KEY, JSON.stringify([{ id: 5 }, "x"]));
    await t.outbox.start();
    expect(t.sent).toHaveLength(0);
    expect(t.outbox.has("c")).toBe(false);
  });

  it("stops retrying after stop()", async () => {
    const t = setup();
    t.outcomes.push(new Error("down"));
    await t.outbox.enqueue({ callId: "c", entityApiName: "Task", fields });
    t.outbox.stop();
    await t.clock.advance(600_000);
    expect(t.sent).toHaveLength(1);
    expect(t.outbox.pendingCount()).toBe(1);
  });

  it("remembers at most 500 logged calls", async () => {
    const t = setup();
    t.storage.setItem(
      LOGGED_KEY,
      JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ id: `old${i}`, at: i })))
    );
    await t.outbox.enqueue({ callId: "new", entityApiName: "Task", fields });
    const logged = JSON.parse(t.storage.getItem(LOGGED_KEY) ?? "[]") as { id: string }[];
    expect(logged).toHaveLength(500);
    expect(logged[499].id).toBe("new");
    expect(logged[0].id).toBe("old1");
  });
});

describe("parseEntry", () => {
  const valid = {
    callId: "c",
    entityApiName: "Task",
    fields,
    createdAt: 1,
    attempts: 0,
    nextAttemptAt: 1
  };
  it("accepts a valid entry with work and rejects malformed ones", () => {
    expect(
      parseEntry({
        ...valid,
        lastError: "x",
        leaseUntil: 5,
        work: { workId: "0Z1", wasConnected: true, disposition: "Busy" }
      })
    ).toEqual({
      ...valid,
      lastError: "x",
      leaseUntil: 5,
      work: { workId: "0Z1", wasConnected: true, disposition: "Busy" }
    });
    expect(parseEntry(null)).toBeNull();
    expect(parseEntry({ ...valid, callId: "" })).toBeNull();
    expect(parseEntry({ ...valid, entityApiName: "Task; DROP" })).toBeNull();
    expect(parseEntry({ ...valid, fields: { a: { nested: true } } })).toBeNull();
    expect(parseEntry({ ...valid, attempts: "1" })).toBeNull();
    expect(parseEntry({ ...valid, work: { workId: 1 } })).toEqual(valid);
  });
});
